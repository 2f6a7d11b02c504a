package io.herald.application.automation;

import io.herald.application.condition.Conditions;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.InvokeAutomationCommand;
import io.herald.application.port.in.InvokeAutomationUseCase;
import io.herald.application.port.in.ManageAutomationsUseCase;
import io.herald.application.port.in.QueryAutomationRunsUseCase;
import io.herald.application.port.out.AutomationRepository;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.WebhookCaller;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.automation.AdHocAutomation;
import io.herald.domain.automation.Automation;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.Checks;
import io.herald.domain.automation.Located;
import io.herald.domain.automation.StepStatus;
import io.herald.domain.profile.Profile;
import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Automations API: saves definitions once everything in them checks out (conditions and templates compile,
 * the templates and automations they name exist), starts runs, shows them.
 */
public final class AutomationService implements ManageAutomationsUseCase, InvokeAutomationUseCase, QueryAutomationRunsUseCase {

    private final AutomationRepository automations;
    private final AutomationRunRepository runs;
    private final TemplateRepository templates;
    private final ProfileRepository profiles;
    private final RunStarter starter;
    private final Conditions conditions;
    private final TemplateRenderer renderer;
    private final WebhookCaller webhooks;
    private final Clock clock;

    public AutomationService(AutomationRepository automations, AutomationRunRepository runs, TemplateRepository templates,
                             ProfileRepository profiles, RunStarter starter, Conditions conditions, TemplateRenderer renderer,
                             WebhookCaller webhooks, Clock clock) {
        this.automations = automations;
        this.runs = runs;
        this.templates = templates;
        this.profiles = profiles;
        this.starter = starter;
        this.conditions = conditions;
        this.renderer = renderer;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Override
    public void put(Automation automation) {
        check(automation.checks(), Optional.of(automation.id()));
        automations.save(automation);
    }

    @Override
    public Optional<Automation> find(String automationId) {
        return automations.find(automationId);
    }

    @Override
    public Page<Automation> list(Optional<String> cursor, int limit) {
        return automations.list(cursor, limit);
    }

    @Override
    public void delete(String automationId) {
        if (!automations.delete(automationId)) {
            throw new NotFoundException("No automation '" + automationId + "'");
        }
    }

    @Override
    public AutomationRunId invoke(InvokeAutomationCommand command) {
        Instant now = clock.now();
        Optional<Automation> saved = command.automationId().map(id -> automations.find(id)
                .orElseThrow(() -> new NotFoundException("No automation '" + id + "'")));
        command.adHoc().ifPresent(adHoc -> check(adHoc.checks(), Optional.empty()));
        command.profile().ifPresent(changes -> profiles.save(profiles.lockOrCreate(command.recipient()).mergedWith(changes)));
        Map<String, Object> profile = profiles.find(command.recipient()).map(Profile::view).orElse(Map.of());
        AutomationRun run = saved.isPresent()
                ? starter.start(command.automationId(), saved.get().steps(), saved.get().cancelationToken(), command.recipient(),
                        command.data(), Map.of(), profile, 0, Optional.empty(), now)
                : starter.start(Optional.empty(), command.adHoc().map(AdHocAutomation::steps).orElseThrow(),
                        command.adHoc().flatMap(AdHocAutomation::cancelationToken), command.recipient(), command.data(), Map.of(),
                        profile, 0, Optional.empty(), now);
        return run.id();
    }

    @Override
    public Optional<AutomationRun> find(AutomationRunId runId) {
        return runs.find(runId);
    }

    @Override
    public Page<AutomationRun> list(AutomationRunRepository.RunQuery query) {
        return runs.list(query);
    }

    @Override
    public List<AutomationRun> latestOf(String automationId, int limit) {
        return runs.latestOf(automationId, limit);
    }

    @Override
    public List<AutomationRun> latestFor(String recipient, int limit) {
        return runs.latestFor(recipient, limit);
    }

    @Override
    public Map<Integer, Map<StepStatus, Long>> stepCountsOf(String automationId) {
        return runs.stepCountsOf(automationId);
    }

    /** @param self the automation being saved, which must not invoke itself */
    private void check(Checks checks, Optional<String> self) {
        for (Located condition : checks.conditions()) {
            conditions.check(condition.value(), condition.where());
        }
        for (Located text : checks.texts()) {
            renderer.validateText(text.value(), text.where());
        }
        for (Located template : checks.templateIds()) {
            if (templates.find(template.value()).isEmpty() && templates.findByEvent(template.value()).isEmpty()) {
                throw new InvalidValueException(template.where() + " '" + template.value()
                        + "' is neither a template id nor an event mapped to a template");
            }
        }
        for (Located url : checks.fetchUrls()) {
            webhooks.refusal(url.value()).ifPresent(reason -> {
                throw new InvalidValueException(url.where() + ": " + reason);
            });
        }
        for (Located automation : checks.automationIds()) {
            if (self.equals(Optional.of(automation.value()))) {
                throw new InvalidValueException(automation.where() + ": an automation cannot invoke itself");
            }
            if (automations.find(automation.value()).isEmpty()) {
                throw new InvalidValueException(automation.where() + ": there is no automation '" + automation.value() + "'");
            }
        }
    }
}
