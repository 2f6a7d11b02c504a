package io.herald.application.automation;

import io.herald.application.condition.Conditions;
import io.herald.application.errors.NotFoundException;
import io.herald.application.fakes.InMemoryAutomationRepository;
import io.herald.application.fakes.InMemoryAutomationRunRepository;
import io.herald.application.fakes.InMemoryProfileRepository;
import io.herald.application.fakes.InMemoryTemplateRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.application.fakes.RecordingDurableScheduler;
import io.herald.application.fakes.RecordingDurableScheduler.WakeUp;
import io.herald.application.port.in.InvokeAutomationCommand;
import io.herald.application.port.out.WebhookCaller;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.automation.AdHocAutomation;
import io.herald.domain.automation.Automation;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.RunStatus;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Template;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Automations API: a definition is saved only when everything in it checks out (conditions, texts, the templates
 * and automations it names, fetch-data URLs); an invocation stores its run and schedules its first step.
 */
class AutomationServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final UserId ALEX = UserId.of("alex");

    private final InMemoryAutomationRepository automations = new InMemoryAutomationRepository();
    private final InMemoryAutomationRunRepository runs = new InMemoryAutomationRunRepository();
    private final InMemoryTemplateRepository templates = new InMemoryTemplateRepository();
    private final InMemoryProfileRepository profiles = new InMemoryProfileRepository();
    private final RecordingDurableScheduler scheduler = new RecordingDurableScheduler();
    private final TemplateRenderer renderer = new TemplateRenderer();
    private final WebhookCaller webhooks = new WebhookCaller() {
        @Override
        public Result call(Request request) {
            throw new AssertionError("saving or invoking an automation calls no webhook");
        }

        @Override
        public Optional<String> refusal(String urlTemplate) {
            return urlTemplate.contains("localhost") ? Optional.of("localhost is not a public address") : Optional.empty();
        }
    };
    private final AutomationService service = new AutomationService(automations, runs, templates, profiles,
            new RunStarter(runs, scheduler, renderer), new Conditions(), renderer, webhooks, new MutableClock(NOW));

    AutomationServiceTest() {
        templates.save(Template.parse("welcome", Map.of("channels", Map.of("email", Map.of("subject", "Welcome", "text", "Hi")))));
    }

    private static Automation automation(String id, Map<String, Object> body) {
        return Automation.parse(id, body);
    }

    private static final Map<String, Object> ONBOARDING = Map.of(
            "trigger", Map.of("event", "Trial Started", "if", "data.plan == 'pro'"),
            "cancelation_token", "{{user_id}}-onboarding",
            "steps", List.of(Map.of("action", "send", "template", "welcome"), Map.of("action", "delay", "duration", "2 hours")));

    @Test
    void aDefinitionThatChecksOutIsSavedListedAndDeleted() {
        service.put(automation("onboarding", ONBOARDING));
        service.put(automation("nudge", Map.of("steps", List.of(Map.of("action", "invoke", "template", "onboarding")))));

        assertThat(service.find("onboarding")).hasValueSatisfying(saved -> assertThat(saved.steps()).hasSize(2));
        assertThat(service.list(Optional.empty(), 10).items()).extracting(Automation::id).containsExactlyInAnyOrder("nudge", "onboarding");

        service.delete("nudge");

        assertThat(service.find("nudge")).isEmpty();
        assertThatThrownBy(() -> service.delete("nudge")).isInstanceOf(NotFoundException.class).hasMessage("No automation 'nudge'");
    }

    @Test
    void aDefinitionWithAFaultIsRefusedNamingWhereAndNotSaved() {
        assertThatThrownBy(() -> service.put(automation("broken", Map.of("steps", List.of(Map.of("action", "send", "template", "welcom"))))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("steps[0].template 'welcom' is neither a template id nor an event mapped to a template");
        assertThatThrownBy(() -> service.put(automation("broken", Map.of("steps", List.of(
                Map.of("action", "send", "template", "welcome", "if", "data.total >"))))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("steps[0].if is not a valid CEL expression");
        assertThatThrownBy(() -> service.put(automation("broken", Map.of("steps", List.of(Map.of("action", "invoke", "template", "broken"))))))
                .isInstanceOf(InvalidValueException.class).hasMessage("steps[0].template: an automation cannot invoke itself");
        assertThatThrownBy(() -> service.put(automation("broken", Map.of("steps", List.of(Map.of("action", "invoke", "template", "nope"))))))
                .isInstanceOf(InvalidValueException.class).hasMessage("steps[0].template: there is no automation 'nope'");
        assertThatThrownBy(() -> service.put(automation("broken", Map.of("steps", List.of(Map.of("action", "fetch-data",
                "webhook", Map.of("url", "http://localhost:8080/users/{{user_id}}")))))))
                .isInstanceOf(InvalidValueException.class).hasMessage("steps[0].webhook.url: localhost is not a public address");
        assertThatThrownBy(() -> service.put(automation("broken", Map.of("cancelation_token", "{{#if user_id}}-x",
                "steps", List.of(Map.of("action", "send", "template", "welcome"))))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("cancelation_token");

        assertThat(service.find("broken")).isEmpty();
    }

    @Test
    void conditionsAndTextsThatDoNotCompileAreRefusedSayingWhyAndNotSaved() {
        Map<String, Object> send = Map.of("action", "send", "template", "welcome");
        Map<Map<String, Object>, String> refusals = new LinkedHashMap<>();
        refusals.put(Map.of("steps", List.of(Map.of("action", "send", "template", "welcome", "if", "data.total >"))),
                "steps[0].if is not a valid CEL expression: mismatched input '<EOF>'");
        refusals.put(Map.of("steps", List.of(Map.of("action", "delay", "duration", 5), Map.of("action", "send", "template", "welcome", "if", "user.vip"))),
                "steps[1].if is not a valid CEL expression: undeclared reference to 'user' (line 1, column 1)");
        refusals.put(Map.of("steps", List.of(Map.of("action", "send", "template", "welcome", "if", "data.total + 1"))),
                "steps[0].if is not a valid CEL expression: expected type 'bool' but found 'int'");
        refusals.put(Map.of("trigger", Map.of("event", "Order Completed", "if", "data.total >>> 1"), "steps", List.of(send)),
                "trigger.if is not a valid CEL expression");
        refusals.put(Map.of("cancelation_token", "{{#if user_id}}-onboarding", "steps", List.of(send)),
                "cancelation_token is not a valid Handlebars template");
        refusals.put(Map.of("steps", List.of(Map.of("action", "send", "content", Map.of("title", "Hi", "body", "Hello {{name")))),
                "steps[0].content.body is not a valid Handlebars template");

        refusals.forEach((definition, message) -> assertThatThrownBy(() -> service.put(automation("broken", definition)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining(message));
        assertThat(service.find("broken")).isEmpty();
    }

    @Test
    void anAdHocAutomationWithABadConditionStartsNothing() {
        AdHocAutomation refused = AdHocAutomation.parse(Map.of("steps", List.of(Map.of("action", "send", "template", "welcome",
                "if", "refs.welcome.opened &&"))), Optional.empty());

        assertThatThrownBy(() -> service.invoke(InvokeAutomationCommand.adHoc(refused, ALEX, Map.of(), Optional.empty())))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("automation.steps[0].if is not a valid CEL expression");
        assertThat(runs.all()).isEmpty();
        assertThat(scheduler.wakeUps()).isEmpty();
    }

    @Test
    void invokingASavedAutomationMergesTheProfileStoresTheRunAndSchedulesItsFirstStep() {
        service.put(automation("onboarding", ONBOARDING));

        AutomationRunId id = service.invoke(InvokeAutomationCommand.saved("onboarding", ALEX, Map.of("plan", "pro"),
                Optional.of(Map.of("email", "alex@example.org"))));

        AutomationRun run = service.find(id).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.automationId()).contains("onboarding");
        assertThat(run.recipient()).isEqualTo(ALEX);
        assertThat(run.cancelationToken()).contains("alex-onboarding");
        assertThat(run.data()).isEqualTo(Map.of("plan", "pro"));
        assertThat(profiles.find(ALEX).orElseThrow().attributes()).isEqualTo(Map.of("email", "alex@example.org"));
        assertThat(scheduler.wakeUps()).containsExactly(new WakeUp(id, 0, NOW));
    }

    @Test
    void anAdHocAutomationIsCheckedAsASavedOneIsAndAnUnknownSavedOneIsNotFound() {
        AdHocAutomation refused = AdHocAutomation.parse(Map.of("steps", List.of(Map.of("action", "send", "template", "nope"))),
                Optional.empty());
        assertThatThrownBy(() -> service.invoke(InvokeAutomationCommand.adHoc(refused, ALEX, Map.of(), Optional.empty())))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("automation.steps[0].template 'nope'");
        assertThatThrownBy(() -> service.invoke(InvokeAutomationCommand.saved("nope", ALEX, Map.of(), Optional.of(Map.of("vip", true)))))
                .isInstanceOf(NotFoundException.class).hasMessage("No automation 'nope'");
        assertThat(runs.all()).isEmpty();
        assertThat(profiles.find(ALEX)).as("a refused invocation changes no profile").isEmpty();

        AdHocAutomation adHoc = AdHocAutomation.parse(Map.of("steps", List.of(Map.of("action", "send", "template", "welcome"))),
                Optional.empty());
        AutomationRunId id = service.invoke(InvokeAutomationCommand.adHoc(adHoc, ALEX, Map.of(), Optional.empty()));
        assertThat(service.find(id).orElseThrow().automationId()).isEmpty();
        assertThat(scheduler.wakeUps()).containsExactly(new WakeUp(id, 0, NOW));
    }
}
