package io.herald.bootstrap.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Automations API: definitions round-trip, and a definition with a fault anywhere is refused with a 400
 * naming where, and nothing is stored.
 */
@MicronautTest(transactional = false)
class AutomationApiTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    private Http http;

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        Api api = new Api(server.getURI(), API_KEY);
        http = api.http();
        api.put("/templates/welcome", Journeys.WELCOME_TEMPLATE);
        api.put("/templates/trial-nudge", Journeys.TRIAL_NUDGE_TEMPLATE);
    }

    @Test
    void anAutomationIsSavedReadListedAndDeleted() {
        var saved = http.put("/automations/welcome-journey", Journeys.WELCOME_JOURNEY);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode automation = http.get("/automations/welcome-journey").json();
        assertThat(automation).isEqualTo(saved.json());
        assertThat(automation.path("id").asText()).isEqualTo("welcome-journey");
        assertThat(automation.path("name").asText()).isEqualTo("Trial welcome journey");
        assertThat(automation.path("trigger").path("event").asText()).isEqualTo("Trial Started");
        assertThat(automation.path("cancelation_token").asText()).isEqualTo("{{user_id}}-onboarding");
        assertThat(Http.texts(automation.path("steps"), "action")).containsExactly("send", "delay", "send", "send");
        assertThat(automation.path("steps").get(1).path("duration").asText()).as("durations read back in ISO-8601").isEqualTo("PT2H");
        assertThat(automation.path("steps").get(2).path("if").asText()).startsWith("refs.welcome.status != \"OPENED\"");
        assertThat(http.put("/automations/welcome-journey", automation.toString()).status()).as("what GET returns can be PUT back")
                .isEqualTo(200);
        assertThat(Http.texts(http.get("/automations").json().path("results"), "id")).containsExactly("welcome-journey");

        assertThat(http.delete("/automations/welcome-journey").status()).isEqualTo(204);
        assertThat(http.get("/automations/welcome-journey").status()).isEqualTo(404);
        assertThat(http.delete("/automations/welcome-journey").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a step condition that does not parse | {"steps": [{"action": "send", "template": "welcome", "if": "data.total >"}]} | steps[0].if is not a valid CEL expression: mismatched input '<EOF>'
            an unknown name in a condition       | {"steps": [{"action": "delay", "duration": 5}, {"action": "send", "template": "welcome", "if": "user.vip"}]} | steps[1].if is not a valid CEL expression: undeclared reference to 'user' (line 1, column 1)
            a condition that is not boolean      | {"steps": [{"action": "send", "template": "welcome", "if": "data.total + 1"}]} | steps[0].if is not a valid CEL expression: expected type 'bool' but found 'int'
            a trigger condition                  | {"trigger": {"event": "Order Completed", "if": "data.total >>> 1"}, "steps": [{"action": "send", "template": "welcome"}]} | trigger.if is not a valid CEL expression
            a trigger without its event          | {"trigger": {"if": "true"}, "steps": [{"action": "send", "template": "welcome"}]} | trigger.event is required
            a cancelation token                  | {"cancelation_token": "{{#if user_id}}-onboarding", "steps": [{"action": "send", "template": "welcome"}]} | cancelation_token is not a valid Handlebars template
            inline content                       | {"steps": [{"action": "send", "content": {"title": "Hi", "body": "Hello {{name"}}]} | steps[0].content.body is not a valid Handlebars template
            an unknown template                  | {"steps": [{"action": "send", "template": "welcom"}]} | steps[0].template 'welcom' is neither a template id nor an event mapped to a template
            an unknown step                      | {"steps": [{"action": "send", "template": "welcome"}, {"action": "wait", "duration": 5}]} | steps[1].action 'wait' is not a step Herald runs
            a misspelt field                     | {"steps": [{"action": "send", "template": "welcome", "iff": "false"}]} | steps[0].iff is not a field of a send step
            a duration                           | {"steps": [{"action": "delay", "duration": "two hours"}]} | steps[0].duration 'two hours' is not a duration
            a delay with duration and until      | {"steps": [{"action": "delay", "duration": "1 hour", "until": "2026-03-01T09:00:00Z"}]} | steps[0].duration: give either duration or until, not both
            a date                               | {"steps": [{"action": "delay", "until": "tomorrow"}]} | steps[0].until 'tomorrow' is not an ISO-8601 date-time
            a routing                            | {"steps": [{"action": "send", "template": "welcome", "routing": {"method": "single", "channels": ["fax"]}}]} | steps[0].routing.channels[0]
            a ref used twice                     | {"steps": [{"action": "send", "template": "welcome", "ref": "w"}, {"action": "send", "template": "welcome", "ref": "w"}]} | steps[1].ref 'w' is already the ref of steps[0]
            an unknown automation to invoke      | {"steps": [{"action": "invoke", "template": "nope"}]} | steps[0].template: there is no automation 'nope'
            an automation invoking itself        | {"steps": [{"action": "invoke", "template": "broken"}]} | steps[0].template: an automation cannot invoke itself
            a fetch-data URL                     | {"steps": [{"action": "fetch-data", "webhook": {"url": "ftp://example.org/x"}}]} | steps[0].webhook.url must be an http:// or https:// URL
            a merge strategy                     | {"steps": [{"action": "update-profile", "profile": {"vip": true}, "merge": "deep"}]} | steps[0].merge must be one of replace, overwrite, soft-merge, none
            no steps                             | {"steps": []} | steps is required: a non-empty array of steps
            """)
    void aFaultAnywhereIsRefusedNamingWhereAndNothingIsStored(String fault, String definition, String message) {
        var response = http.put("/automations/broken", definition);

        assertThat(response.status()).as(fault + ": " + response.body()).isEqualTo(400);
        assertThat(response.json().path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(response.json().path("message").asText()).contains(message);
        assertThat(http.get("/automations/broken").status()).isEqualTo(404);
    }

    @Test
    void anAdHocAutomationIsCheckedLikeASavedOneAndStartsNothingWhenRefused() {
        var refused = http.post("/automations/invoke", """
                {"recipient": "alex", "automation": {"steps": [{"action": "send", "template": "welcome", "if": "refs.welcome.opened &&"}]}}""");
        var noRecipient = http.post("/automations/invoke", """
                {"automation": {"steps": [{"action": "send", "template": "welcome"}]}}""");
        var noAutomation = http.post("/automations/invoke", "{\"recipient\": \"alex\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).startsWith("automation.steps[0].if is not a valid CEL expression");
        assertThat(noRecipient.status()).isEqualTo(400);
        assertThat(noRecipient.json().path("message").asText()).isEqualTo("recipient is required and must be a string");
        assertThat(noAutomation.status()).isEqualTo(400);
        assertThat(noAutomation.json().path("message").asText()).startsWith("automation is required");
        assertThat(Sql.count("SELECT count(*) FROM automation_runs")).isZero();
        assertThat(Sql.count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'advance-automation-run'")).isZero();
    }

    @Test
    void unknownRunsAndAutomationsAre404() {
        var run = http.get("/automations/runs/run-0000-unknown");
        var invoke = http.post("/automations/nope/invoke", "{\"recipient\": \"alex\"}");

        assertThat(run.status()).isEqualTo(404);
        assertThat(run.json().path("type").asText()).isEqualTo("not_found");
        assertThat(run.json().path("message").asText()).isEqualTo("No automation run 'run-0000-unknown'");
        assertThat(invoke.status()).isEqualTo(404);
        assertThat(invoke.json().path("message").asText()).isEqualTo("No automation 'nope'");
    }
}
