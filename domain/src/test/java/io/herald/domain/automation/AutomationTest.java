package io.herald.domain.automation;

import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.RoutingNode;
import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutomationTest {

    private static final String SMS_IF = "refs.welcome.status != \"OPENED\"";

    private static Map<String, Object> welcomeJourney() {
        return Map.of(
                "name", "Trial welcome journey",
                "trigger", Map.of("event", "Trial Started", "if", "data.plan == \"pro\""),
                "cancelation_token", "{{user_id}}-onboarding",
                "steps", List.of(
                        Map.of("action", "send", "template", "welcome", "ref", "welcome"),
                        Map.of("action", "delay", "duration", "2 hours"),
                        Map.of("action", "send", "template", "trial-nudge", "if", SMS_IF,
                                "routing", Map.of("method", "single", "channels", List.of("sms"))),
                        Map.of("action", "update-profile", "profile", Map.of("nudged", true), "merge", "soft-merge"),
                        Map.of("action", "invoke", "template", "follow-up"),
                        Map.of("action", "fetch-data", "webhook", Map.of("url", "https://api.example.org/users/{{user_id}}",
                                "method", "post", "headers", Map.of("X-Key", "k"), "body", "{\"id\": \"{{user_id}}\"}")),
                        Map.of("action", "cancel", "cancelation_token", "{{user_id}}-drip")));
    }

    private static void refused(Map<String, Object> body, String message) {
        assertThatThrownBy(() -> Automation.parse("a", body)).isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    private static Map<String, Object> oneStep(Map<String, Object> step) {
        return Map.of("steps", List.of(step));
    }

    @Test
    void readsEveryKindOfStepInCouriersShapes() {
        Automation automation = Automation.parse("welcome-journey", welcomeJourney());

        assertThat(automation.trigger()).contains(new Automation.Trigger("Trial Started", Optional.of("data.plan == \"pro\"")));
        assertThat(automation.cancelationToken()).contains("{{user_id}}-onboarding");
        List<Step> steps = automation.steps();
        assertThat(steps).extracting(Step::action)
                .containsExactly("send", "delay", "send", "update-profile", "invoke", "fetch-data", "cancel");
        assertThat(((Step.Send) steps.get(0)).ref()).contains("welcome");
        assertThat(((Step.Delay) steps.get(1)).wakeAt(Instant.parse("2026-03-01T09:00:00Z"))).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        Step.Send sms = (Step.Send) steps.get(2);
        assertThat(sms.condition()).contains(SMS_IF);
        assertThat(sms.routing()).contains(RoutingNode.single(Channel.SMS));
        assertThat(((Step.UpdateProfile) steps.get(3)).merge()).isEqualTo(MergeStrategy.SOFT_MERGE);
        assertThat(((Step.Invoke) steps.get(4)).automationId()).isEqualTo("follow-up");
        Step.Webhook webhook = ((Step.FetchData) steps.get(5)).webhook();
        assertThat(webhook.method()).isEqualTo("POST");
        assertThat(webhook.headers()).containsEntry("X-Key", "k");
        assertThat(((Step.FetchData) steps.get(5)).merge()).as("the default").isEqualTo(MergeStrategy.OVERWRITE);
        assertThat(((Step.Cancel) steps.get(6)).cancelationToken()).isEqualTo("{{user_id}}-drip");
    }

    @Test
    void aSendStepTakesCouriersProfileAndADelayBothADurationAndAnUntil_whicheverComesFirst() {
        Automation automation = Automation.parse("courier-shapes", Map.of("steps", List.of(
                Map.of("action", "send", "template", "welcome", "profile", Map.of("locale", "fr-FR")),
                Map.of("action", "delay", "duration", "2 hours", "until", "2026-03-01T10:00:00Z"))));
        Instant nine = Instant.parse("2026-03-01T09:00:00Z");

        assertThat(((Step.Send) automation.steps().get(0)).profile()).isEqualTo(Map.of("locale", "fr-FR"));
        Step.Delay delay = (Step.Delay) automation.steps().get(1);
        assertThat(delay.wakeAt(nine)).as("until comes first").isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(delay.wakeAt(Instant.parse("2026-03-01T07:00:00Z"))).as("the duration comes first").isEqualTo(nine);
        assertThat(Automation.parse("courier-shapes", automation.toJson())).isEqualTo(automation);
        refused(oneStep(Map.of("action", "delay")),
                "steps[0].duration (milliseconds, \"PT2H\" or \"2 hours\") or steps[0].until (ISO-8601 date-time) is required");
    }

    @Test
    void aSendListStepSendsATemplateToAList_theAutomationsTemplateWhenItNamesNone() {
        Automation automation = Automation.parse("announce", Map.of("steps", List.of(
                Map.of("action", "send-list", "list", "beta", "template", "launch", "data", Map.of("v", 2), "brand", "acme"))));
        Step.SendList step = (Step.SendList) automation.steps().get(0);
        assertThat(step).isEqualTo(new Step.SendList(Optional.empty(), "beta", "launch", Map.of("v", 2), Optional.of("acme")));
        assertThat(Automation.parse("announce", automation.toJson())).isEqualTo(automation);

        Step defaulted = Step.parse(Map.of("action", "send-list", "list", "beta"), "steps[0]", Optional.of("welcome"));
        assertThat(((Step.SendList) defaulted).template()).isEqualTo("welcome");
        refused(oneStep(Map.of("action", "send-list", "list", "beta")), "steps[0].template is required (or the automation's template)");
        refused(oneStep(Map.of("action", "send-list", "template", "launch")), "steps[0].list is required and must be a non-empty string");
    }

    @Test
    void whatItWritesItReadsBackTheSame() {
        Automation automation = Automation.parse("welcome-journey", welcomeJourney());

        Map<String, Object> json = automation.toJson();

        assertThat(Automation.parse("welcome-journey", json)).isEqualTo(automation);
        assertThat(json.get("name")).isEqualTo("Trial welcome journey");
    }

    @Test
    void listsWhatTheApplicationMustCheckWithWhereItIs() {
        Checks checks = Automation.parse("welcome-journey", welcomeJourney()).checks();

        assertThat(checks.conditions()).containsExactly(new Located("trigger.if", "data.plan == \"pro\""), new Located("steps[2].if", SMS_IF));
        assertThat(checks.texts()).extracting(Located::where).containsExactly("cancelation_token", "steps[5].webhook.url",
                "steps[5].webhook.body", "steps[6].cancelation_token");
        assertThat(checks.templateIds()).containsExactly(new Located("steps[0].template", "welcome"), new Located("steps[2].template", "trial-nudge"));
        assertThat(checks.automationIds()).containsExactly(new Located("steps[4].template", "follow-up"));
    }

    @Test
    void anAutomationWithoutTriggerOrNameIsInvokedByApiAndNamedByItsId() {
        Automation automation = Automation.parse("receipt", oneStep(Map.of("action", "send", "content", Map.of("title", "t", "body", "b"))));

        assertThat(automation.name()).isEqualTo("receipt");
        assertThat(automation.trigger()).isEmpty();
        assertThat(automation.checks().texts()).extracting(Located::where).containsExactly("steps[0].content.title", "steps[0].content.body");
    }

    @Test
    void anAdHocAutomationsSendStepsDefaultToItsTemplateAndAreLocatedUnderAutomation() {
        AdHocAutomation adHoc = AdHocAutomation.parse(Map.of("steps", List.of(Map.of("action", "send", "recipient", "kim"))),
                Optional.of("welcome"));

        Step.Send send = (Step.Send) adHoc.steps().get(0);
        assertThat(send.template()).contains("welcome");
        assertThat(send.recipient()).contains(UserId.of("kim"));
        assertThat(adHoc.checks().templateIds()).containsExactly(new Located("automation.steps[0].template", "welcome"));
        assertThatThrownBy(() -> AdHocAutomation.parse(Map.of("steps", List.of(Map.of("action", "send"))), Optional.empty()))
                .hasMessage("automation.steps[0].template or automation.steps[0].content is required");
    }

    @Test
    void durationsAreMillisecondsIsoOrWords() {
        for (Object duration : List.of(7_200_000, "PT2H", "2 hours", "120 minutes")) {
            Step.Delay delay = (Step.Delay) Automation.parse("a", oneStep(Map.of("action", "delay", "duration", duration))).steps().get(0);
            assertThat(delay.duration()).as(String.valueOf(duration)).contains(Duration.ofHours(2));
        }
        Step.Delay until = (Step.Delay) Automation.parse("a", oneStep(Map.of("action", "delay", "until", "2026-03-01T10:00:00+01:00")))
                .steps().get(0);
        assertThat(until.wakeAt(Instant.EPOCH)).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @Test
    void aMalformedDefinitionIsRefusedWithThePathOfTheFault() {
        refused(Map.of(), "steps is required: a non-empty array of steps");
        refused(Map.of("steps", List.of("send")), "steps[0] must be an object with an action");
        refused(oneStep(Map.of("template", "welcome")), "steps[0].action is required and must be a non-empty string");
        refused(oneStep(Map.of("action", "delay")),
                "steps[0].duration (milliseconds, \"PT2H\" or \"2 hours\") or steps[0].until (ISO-8601 date-time) is required");
        refused(oneStep(Map.of("action", "delay", "duration", -5)), "steps[0].duration must be a whole, non-negative number of milliseconds");
        refused(oneStep(Map.of("action", "send", "template", "w", "content", Map.of("body", "b"))),
                "steps[0].template: send either template or content, not both");
        refused(oneStep(Map.of("action", "send", "template", "w", "if", "")), "steps[0].if must be a non-empty string");
        refused(oneStep(Map.of("action", "cancel")), "steps[0].cancelation_token is required and must be a non-empty string");
        refused(oneStep(Map.of("action", "update-profile")), "steps[0].profile is required and must be an object");
        refused(oneStep(Map.of("action", "fetch-data")), "steps[0].webhook is required: {url, method, headers, body}");
        refused(oneStep(Map.of("action", "fetch-data", "webhook", Map.of("url", "https://x.org", "method", "HEAD"))),
                "steps[0].webhook.method must be one of GET, POST, PUT, PATCH, DELETE");
        refused(oneStep(Map.of("action", "fetch-data", "webhook", Map.of("url", "https://x.org", "headers", Map.of("X-N", 1)))),
                "steps[0].webhook.headers.X-N must be a string");
        refused(Map.of("trigger", "Trial Started", "steps", List.of(Map.of("action", "delay", "duration", 1))), "trigger must be an object");
        refused(Map.of("trigger", Map.of("event", "E", "when", "x"), "steps", List.of(Map.of("action", "delay", "duration", 1))),
                "trigger.when is not a field of a trigger [event, if]");
        refused(Map.of("stepz", List.of()), "stepz is not a field of an automation [cancelation_token, id, name, steps, trigger]");
        assertThatThrownBy(() -> Automation.parse(" ", oneStep(Map.of("action", "delay", "duration", 1))))
                .hasMessage("automation id must be 1 to 256 characters");
    }

    @Test
    void aTriggerWrittenAsTheInboundLogShowsItMatchesTheEventName() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(oneStep(Map.of("action", "delay", "duration", 1)));
        body.put("trigger", Map.of("event", "track/Order Completed"));

        assertThat(Automation.parse("orders", body).trigger().orElseThrow().event()).isEqualTo("Order Completed");
    }
}
