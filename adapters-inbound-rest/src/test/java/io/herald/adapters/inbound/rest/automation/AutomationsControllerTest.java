package io.herald.adapters.inbound.rest.automation;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingInvokeAutomation;
import io.herald.adapters.inbound.rest.fakes.RecordingManageAutomations;
import io.herald.adapters.inbound.rest.fakes.RecordingQueryAutomationRuns;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.InvokeAutomationCommand;
import io.herald.application.port.out.AutomationRunRepository.RunQuery;
import io.herald.domain.automation.AdHocAutomation;
import io.herald.domain.automation.Automation;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.RunStatus;
import io.herald.domain.automation.Step;
import io.herald.domain.automation.StepResult;
import io.herald.domain.automation.StepStatus;
import io.herald.domain.profile.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class AutomationsControllerTest extends ApiTest {

    private static final String WELCOME_SERIES = """
            {"name": "Welcome series",
             "trigger": {"event": "Signed Up", "if": "event.properties.plan == 'pro'"},
             "cancelation_token": "welcome-{{user_id}}",
             "steps": [{"action": "send", "template": "welcome"},
                       {"action": "delay", "duration": "1 day"},
                       {"action": "send", "template": "tips", "if": "profile.email != ''"}]}""";

    @Inject
    RecordingManageAutomations automations;

    @Inject
    RecordingInvokeAutomation invoke;

    @Inject
    RecordingQueryAutomationRuns runs;

    @Test
    void anAutomationIsSavedAndAnsweredInItsStoredShape() {
        Reply reply = api.put("/automations/welcome-series", WELCOME_SERIES);

        assertThat(reply.status()).isEqualTo(200);
        Automation saved = automations.onlyCall("put").argument(0, Automation.class);
        assertThat(saved.id()).isEqualTo("welcome-series");
        assertThat(saved.name()).isEqualTo("Welcome series");
        assertThat(saved.trigger()).contains(new Automation.Trigger("Signed Up", Optional.of("event.properties.plan == 'pro'")));
        assertThat(saved.cancelationToken()).contains("welcome-{{user_id}}");
        assertThat(saved.steps()).extracting(Step::action).containsExactly("send", "delay", "send");
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"id": "welcome-series", "name": "Welcome series",
                 "trigger": {"event": "Signed Up", "if": "event.properties.plan == 'pro'"},
                 "cancelation_token": "welcome-{{user_id}}",
                 "steps": [{"action": "send", "template": "welcome"},
                           {"action": "delay", "duration": "PT24H"},
                           {"action": "send", "if": "profile.email != ''", "template": "tips"}]}"""));
    }

    @Test
    void anAutomationWithAFieldHeraldDoesNotKnowIsRefused() {
        assertBadRequest(api.put("/automations/welcome-series", "{\"steps\": [{\"action\": \"send\", \"template\": \"w\"}], \"brand\": \"b\"}"),
                "brand is not a field of an automation");
        assertThat(automations.calls()).isEmpty();
    }

    @Test
    void aBadStepIsRefusedNamingItsIndex() {
        assertBadRequest(api.put("/automations/welcome-series", "{\"steps\": [{\"action\": \"send\", \"template\": \"w\"}, {\"action\": \"teleport\"}]}"),
                "steps[1].action 'teleport' is not a step Herald runs");
        assertBadRequest(api.put("/automations/welcome-series", "{\"steps\": []}"), "steps is required: a non-empty array of steps");
        assertThat(automations.calls()).isEmpty();
    }

    /** Faults the definition itself shows, found as the request is read; what needs templates or CEL is the service's. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a trigger without its event     | {"trigger": {"if": "true"}, "steps": [{"action": "send", "template": "welcome"}]} | trigger.event is required
            an unknown step                 | {"steps": [{"action": "send", "template": "welcome"}, {"action": "wait", "duration": 5}]} | steps[1].action 'wait' is not a step Herald runs
            a misspelt field                | {"steps": [{"action": "send", "template": "welcome", "iff": "false"}]} | steps[0].iff is not a field of a send step
            a duration                      | {"steps": [{"action": "delay", "duration": "two hours"}]} | steps[0].duration 'two hours' is not a duration
            a date                          | {"steps": [{"action": "delay", "until": "tomorrow"}]} | steps[0].until 'tomorrow' is not an ISO-8601 date-time
            a routing                       | {"steps": [{"action": "send", "template": "welcome", "routing": {"method": "single", "channels": ["fax"]}}]} | steps[0].routing.channels[0]
            a ref used twice                | {"steps": [{"action": "send", "template": "welcome", "ref": "w"}, {"action": "send", "template": "welcome", "ref": "w"}]} | steps[1].ref 'w' is already the ref of steps[0]
            a fetch-data URL                | {"steps": [{"action": "fetch-data", "webhook": {"url": "ftp://example.org/x"}}]} | steps[0].webhook.url must be an http:// or https:// URL
            a merge strategy                | {"steps": [{"action": "update-profile", "profile": {"vip": true}, "merge": "deep"}]} | steps[0].merge must be one of replace, overwrite, soft-merge, none
            no steps                        | {"steps": []} | steps is required: a non-empty array of steps
            """)
    void aFaultInTheDefinitionIsRefusedNamingWhereAndNothingIsSaved(String fault, String definition, String message) {
        assertBadRequest(api.put("/automations/broken", definition), message);
        assertThat(automations.calls()).as(fault).isEmpty();
    }

    @Test
    void whatGetAnswersIsWhatPutAnsweredAndCanBePutBack() {
        Reply put = api.put("/automations/welcome-series", WELCOME_SERIES);
        Automation saved = automations.onlyCall("put").argument(0, Automation.class);
        automations.know(saved);

        Reply get = api.get("/automations/welcome-series");
        Reply putBack = api.put("/automations/welcome-series", get.body());

        assertThat(get.json()).isEqualTo(put.json());
        assertThat(putBack.status()).as(putBack.body()).isEqualTo(200);
        assertThat(putBack.json()).isEqualTo(put.json());
    }

    @Test
    void deletingOrInvokingAnAutomationThereIsNotIsANotFound() {
        automations.failWith(new NotFoundException("No automation 'nope'"));
        invoke.failWith(new NotFoundException("No automation 'nope'"));

        assertApiError(api.delete("/automations/nope"), 404, "not_found", "No automation 'nope'");
        assertApiError(api.post("/automations/nope/invoke", "{\"recipient\": \"alex\"}"), 404, "not_found", "No automation 'nope'");
    }

    @Test
    void aSavedAutomationIsReadAndAnUnknownOneIsANotFound() {
        automations.know(Automation.parse("digest", Map.of("steps", List.of(Map.of("action", "send", "template", "digest")))));

        assertThat(api.get("/automations/digest").json()).isEqualTo(Json.parse("""
                {"id": "digest", "name": "digest", "trigger": null, "cancelation_token": null,
                 "steps": [{"action": "send", "template": "digest"}]}"""));
        assertApiError(api.get("/automations/nothing"), 404, "not_found", "No automation 'nothing'");
    }

    @Test
    void automationsArePagedInCouriersTemplateListWithHeraldsFieldsInEachItem() {
        automations.answerList(new Page<>(List.of(Automation.parse("digest", Map.of("steps", List.of(Map.of("action", "send", "template", "digest"))))),
                "after-digest"));

        Reply reply = api.get("/automations?cursor=c1&limit=1");

        assertThat(automations.onlyCall("list").arguments()).containsExactly(Optional.of("c1"), 1);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"cursor": "after-digest",
                 "templates": [{"id": "digest", "name": "digest", "trigger": null, "cancelation_token": null,
                                "steps": [{"action": "send", "template": "digest"}], "version": "published"}]}"""));
    }

    @Test
    void thereAreNoDraftAutomations_andAnUnknownVersionIsRefused() {
        assertThat(api.get("/automations?version=draft").json()).isEqualTo(Json.parse("{\"cursor\": null, \"templates\": []}"));
        assertBadRequest(api.get("/automations?version=latest"), "version must be published or draft");
        assertThat(automations.calls()).isEmpty();
    }

    @Test
    void deleteAnswersNoContent() {
        assertThat(api.delete("/automations/digest").status()).isEqualTo(204);
        assertThat(automations.onlyCall("delete").arguments()).containsExactly("digest");
    }

    @Test
    void anAdHocInvocationStartsARunAndAnswersItsId() {
        Reply reply = api.post("/automations/invoke", """
                {"automation": {"cancelation_token": "order-ORD-78912",
                                "steps": [{"action": "send", "template": "receipt"},
                                          {"action": "delay", "duration": "PT1H"},
                                          {"action": "send"}]},
                 "data": {"order_id": "ORD-78912"},
                 "profile": {"email": "alex@example.com"},
                 "recipient": "user_123",
                 "template": "review-request"}""");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"runId\": \"" + RecordingInvokeAutomation.RUN_ID.value() + "\"}"));
        InvokeAutomationCommand command = invoke.onlyCommand();
        assertThat(command.automationId()).isEmpty();
        assertThat(command.recipient()).isEqualTo(UserId.of("user_123"));
        assertThat(command.data()).isEqualTo(Map.of("order_id", "ORD-78912"));
        assertThat(command.profile()).contains(Map.of("email", "alex@example.com"));
        AdHocAutomation automation = command.adHoc().orElseThrow();
        assertThat(automation.cancelationToken()).contains("order-ORD-78912");
        assertThat(automation.steps()).hasSize(3);
        assertThat(((Step.Delay) automation.steps().get(1)).duration()).contains(Duration.ofHours(1));
        assertThat(((Step.Send) automation.steps().get(0)).template()).contains("receipt");
        assertThat(((Step.Send) automation.steps().get(2)).template()).as("a send step naming nothing sends the invocation's template")
                .contains("review-request");
    }

    @Test
    void anAdHocInvocationWithoutDataOrProfileHasNone() {
        api.post("/automations/invoke", "{\"automation\": {\"steps\": [{\"action\": \"send\", \"template\": \"t\"}]}, \"recipient\": \"u1\"}");

        InvokeAutomationCommand command = invoke.onlyCommand();
        assertThat(command.data()).isEmpty();
        assertThat(command.profile()).isEmpty();
        assertThat(command.adHoc().orElseThrow().cancelationToken()).isEmpty();
    }

    @Test
    void anAdHocInvocationNeedsItsAutomation() {
        assertBadRequest(api.post("/automations/invoke", "{\"recipient\": \"u1\", \"template\": \"t\"}"),
                "automation is required: {\"cancelation_token\", \"steps\": [...]}");
        assertBadRequest(api.post("/automations/invoke", "{\"automation\": {\"steps\": [{\"action\": \"send\"}]}, \"recipient\": \"u1\"}"),
                "automation.steps[0].template or automation.steps[0].content is required");
        assertBadRequest(api.post("/automations/invoke", "{\"automation\": {\"steps\": [{\"action\": \"send\", \"template\": \"t\"}], \"name\": \"x\"}, \"recipient\": \"u1\"}"),
                "automation.name is not a field of an ad hoc automation");
        assertThat(invoke.calls()).isEmpty();
    }

    @Test
    void anInvocationNeedsARecipientThatIsAUserId() {
        String steps = "\"automation\": {\"steps\": [{\"action\": \"send\", \"template\": \"t\"}]}";

        assertBadRequest(api.post("/automations/invoke", "{" + steps + "}"), "recipient is required and must be a string");
        assertBadRequest(api.post("/automations/invoke", "{" + steps + ", \"recipient\": \" \"}"), "recipient must be a user id of 1 to 512 characters");
        assertBadRequest(api.post("/automations/invoke", "{" + steps + ", \"recipient\": {\"user_id\": \"u1\"}}"), "recipient must be a string");
        assertBadRequest(api.post("/automations/welcome-series/invoke", "{\"data\": {}}"), "recipient is required and must be a string");
        assertThat(invoke.calls()).isEmpty();
    }

    @Test
    void dataAndProfileMustBeObjects() {
        assertBadRequest(api.post("/automations/welcome-series/invoke", "{\"recipient\": \"u1\", \"data\": [1]}"), "data must be an object");
        assertBadRequest(api.post("/automations/welcome-series/invoke", "{\"recipient\": \"u1\", \"profile\": \"x\"}"), "profile must be an object");
        assertThat(invoke.calls()).isEmpty();
    }

    @Test
    void aSavedAutomationIsInvokedForARecipient() {
        Reply reply = api.post("/automations/welcome-series/invoke", "{\"recipient\": \"user_123\", \"data\": {\"plan\": \"pro\"}}");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"runId\": \"" + RecordingInvokeAutomation.RUN_ID.value() + "\"}"));
        assertThat(invoke.onlyCommand()).isEqualTo(InvokeAutomationCommand.saved("welcome-series", UserId.of("user_123"),
                Map.of("plan", "pro"), Optional.empty()));
    }

    private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");

    private static AutomationRun waitingRun(AutomationRunId runId) {
        Instant created = CREATED;
        Instant delayUntil = created.plus(Duration.ofDays(1));
        Automation welcome = Automation.parse("welcome-series", Json.object(WELCOME_SERIES));
        return AutomationRun.reconstitute(runId, Optional.of("welcome-series"), welcome.steps(), UserId.of("user_123"),
                Optional.of("welcome-user_123"), Map.of("name", "Signed Up"), 0, Optional.empty(), created, Map.of(),
                List.of(new StepResult(StepStatus.DONE, Optional.of(created), Optional.of(created), Optional.empty(), List.of("1-m1"),
                                List.of(), Optional.empty()),
                        new StepResult(StepStatus.WAITING, Optional.of(created), Optional.empty(), Optional.of(delayUntil), List.of(),
                                List.of(), Optional.empty()),
                        new StepResult(StepStatus.PENDING, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                                Optional.empty())),
                RunStatus.WAITING, 1, Map.of("plan", "pro"), Optional.empty(), created);
    }

    @Test
    void aRunIsReadWithEveryStep() {
        Instant created = CREATED;
        Instant delayUntil = created.plus(Duration.ofDays(1));
        AutomationRunId runId = new AutomationRunId("run-019ca5d1a400-0011223344556677");
        runs.know(waitingRun(runId));

        Reply reply = api.get("/automations/runs/" + runId.value());

        long at = created.toEpochMilli();
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"id": "%s", "automation": "welcome-series", "status": "WAITING", "recipient": "user_123",
                 "cancelation_token": "welcome-user_123", "data": {"plan": "pro"}, "event": "Signed Up",
                 "steps": [{"index": 0, "action": "send", "status": "DONE", "started": %d, "finished": %d, "messages": ["1-m1"]},
                           {"index": 1, "action": "delay", "status": "WAITING", "started": %d, "wake_at": %d, "messages": []},
                           {"index": 2, "action": "send", "status": "PENDING", "messages": []}],
                 "created": %d, "updated": %d}""".formatted(runId.value(), at, at, at, delayUntil.toEpochMilli(), at, at)));
    }

    @Test
    void runsAreListedInCouriersShapeWithItsFiltersAndDates() {
        AutomationRunId runId = new AutomationRunId("run-019ca5d1a400-0011223344556677");
        runs.answerList(new Page<>(List.of(waitingRun(runId)), "c2"));

        Reply reply = api.get("/automations/runs?status=WAITING,ERROR&template_id=welcome-series,digest&start_date=2026-03-01"
                + "&end_date=2026-03-02T10:00:00.250Z&limit=500&cursor=c1");

        RunQuery query = (RunQuery) runs.onlyCall("list").arguments().get(0);
        assertThat(query.statuses()).containsExactlyInAnyOrder(RunStatus.WAITING, RunStatus.FAILED);
        assertThat(query.automationIds()).containsExactlyInAnyOrder("welcome-series", "digest");
        assertThat(query.createdFrom()).contains(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(query.createdBefore()).as("an inclusive end").contains(Instant.parse("2026-03-02T10:00:00.251Z"));
        assertThat(query.cursor()).contains("c1");
        assertThat(query.limit()).as("clamped as Courier clamps it").isEqualTo(50);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"runs": [{"run_id": "%s", "source": ["event/Signed Up"], "created_at": "2026-03-01T09:00:00Z",
                           "status": "WAITING", "template_id": "welcome-series"}],
                 "next_cursor": "c2"}""".formatted(runId.value())));
    }

    @Test
    void aRunListWithoutMoreHasNoNextCursor_aLimitThatIsNoNumberIsTwenty_andABadStatusOrDateIsRefused() {
        assertThat(api.get("/automations/runs?limit=many").json()).isEqualTo(Json.parse("{\"runs\": []}"));
        assertThat(((RunQuery) runs.onlyCall("list").arguments().get(0)).limit()).isEqualTo(20);
        runs.reset();
        assertBadRequest(api.get("/automations/runs?status=DONE"), "status 'DONE' is not a run status (PROCESSING, WAITING, PROCESSED, CANCELED, ERROR)");
        assertBadRequest(api.get("/automations/runs?start_date=yesterday"), "start_date 'yesterday' is not an ISO-8601 date");
        assertThat(runs.calls()).isEmpty();
    }

    @Test
    void aRunsStepsAreTheOnesItReachedInCouriersShape() {
        AutomationRunId runId = new AutomationRunId("run-019ca5d1a400-0011223344556677");
        runs.know(waitingRun(runId));

        Reply reply = api.get("/automations/runs/" + runId.value() + "/steps");

        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"steps": [{"step_id": "0", "action": "send", "status": "PROCESSED", "created_at": "2026-03-01T09:00:00Z",
                            "updated_at": "2026-03-01T09:00:00Z", "message_id": "1-m1"},
                           {"step_id": "1", "action": "delay", "status": "WAITING", "created_at": "2026-03-01T09:00:00Z",
                            "updated_at": "2026-03-01T09:00:00Z", "message_id": null}]}"""));
        assertApiError(api.get("/automations/runs/run-nothing/steps"), 404, "not_found", "No automation run 'run-nothing'");
    }

    @Test
    void runsCannotBeAnAutomationId() {
        assertBadRequest(api.put("/automations/runs", "{\"steps\": [{\"action\": \"send\", \"template\": \"w\"}]}"),
                "'runs' cannot be an automation id: /automations/runs lists the runs");
        assertThat(automations.calls()).isEmpty();
    }

    @Test
    void anUnknownRunIsANotFound() {
        assertApiError(api.get("/automations/runs/run-nothing"), 404, "not_found", "No automation run 'run-nothing'");
    }
}
