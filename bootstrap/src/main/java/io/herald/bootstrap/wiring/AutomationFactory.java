package io.herald.bootstrap.wiring;

import io.herald.application.automation.AutomationEngine;
import io.herald.application.automation.AutomationEngineService;
import io.herald.application.automation.AutomationEventTrigger;
import io.herald.application.automation.AutomationRunner;
import io.herald.application.automation.AutomationService;
import io.herald.application.condition.Conditions;
import io.herald.application.automation.RunStarter;
import io.herald.application.inbound.EventTrigger;
import io.herald.application.port.in.AdvanceAutomationRunUseCase;
import io.herald.application.port.in.InvokeAutomationUseCase;
import io.herald.application.port.in.ManageAutomationsUseCase;
import io.herald.application.port.in.QueryAutomationRunsUseCase;
import io.herald.application.port.out.AutomationRepository;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.OperationalMetrics;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.WebhookCaller;
import io.herald.application.send.SendService;
import io.herald.application.template.TemplateRenderer;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Automations: the API's use cases, the trigger on inbound events, and the run engine that durable wake-ups drive
 * (one transaction per advance; fetch-data calls between transactions).
 */
@Factory
class AutomationFactory {

    @Singleton
    Conditions conditions() {
        return new Conditions();
    }

    @Singleton
    RunStarter runStarter(AutomationRunRepository runs, DurableScheduler scheduler, TemplateRenderer renderer) {
        return new RunStarter(runs, scheduler, renderer);
    }

    @Singleton
    @Bean(typed = AutomationService.class)
    AutomationService automationService(AutomationRepository automations, AutomationRunRepository runs, TemplateRepository templates,
                                        ProfileRepository profiles, RunStarter starter, Conditions conditions,
                                        TemplateRenderer renderer, WebhookCaller webhooks, Clock clock) {
        return new AutomationService(automations, runs, templates, profiles, starter, conditions, renderer, webhooks, clock);
    }

    @Singleton
    @Transactional
    ManageAutomationsUseCase manageAutomations(AutomationService service) {
        return service;
    }

    @Singleton
    @Transactional
    InvokeAutomationUseCase invokeAutomation(AutomationService service) {
        return service;
    }

    @Singleton
    @ReadOnly
    QueryAutomationRunsUseCase queryAutomationRuns(AutomationService service) {
        return service;
    }

    /** Runs inside the transaction that processes the inbound event. */
    @Singleton
    EventTrigger automationEventTrigger(AutomationRepository automations, RunStarter starter, Conditions conditions, Clock clock) {
        return new AutomationEventTrigger(automations, starter, conditions, clock);
    }

    @Singleton
    @Transactional
    AutomationEngine automationEngine(AutomationRunRepository runs, AutomationRepository automations, ProfileRepository profiles,
                                      MessageRepository messages, TemplateRepository templates, SendService sends,
                                      RunStarter starter, Conditions conditions, TemplateRenderer renderer,
                                      DurableScheduler scheduler, OperationalMetrics metrics,
                                      @Value("${herald.automations.max-runs-per-chain:100}") int maxRunsPerChain, Clock clock) {
        return new AutomationEngineService(runs, automations, profiles, messages, templates, sends, starter, conditions, renderer,
                scheduler, metrics, maxRunsPerChain, clock);
    }

    @Singleton
    AdvanceAutomationRunUseCase advanceAutomationRun(AutomationEngine engine, WebhookCaller webhooks) {
        return new AutomationRunner(engine, webhooks);
    }
}
