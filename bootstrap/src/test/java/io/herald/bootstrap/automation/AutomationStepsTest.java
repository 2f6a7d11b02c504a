package io.herald.bootstrap.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.MutableTestClock;
import io.herald.persistence.durable.DurableWork;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each kind of step does, through the API: update-profile, fetch-data (against a stub of a customer's
 * endpoint), invoke, cancel, delay until a date, conditions over the event, and how a run fails.
 */
@MicronautTest(transactional = false)
class AutomationStepsTest implements HeraldTest {

    private static final WireMockServer CUSTOMER_API = new WireMockServer(options().dynamicPort());

    static {
        CUSTOMER_API.start();
    }

    @Inject
    EmbeddedServer server;

    @Inject
    MutableTestClock clock;

    @Inject
    DurableWork durableWork;

    private AutomationApi herald;
    private Http http;

    @Override
    public Map<String, String> extraProperties() {
        // The stub of the customer's API runs on this machine: its host is allowed, every other internal address is not.
        return Map.of("herald.test.clock", "mutable", "herald.automations.fetch-data.allowed-hosts", "localhost");
    }

    @AfterAll
    void stopStub() {
        CUSTOMER_API.stop();
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        CUSTOMER_API.resetAll();
        herald = new AutomationApi(new Api(server.getURI(), API_KEY));
        http = herald.http();
        herald.api().post("/profiles/sam", "{\"profile\": {\"name\": \"Sam\", \"email\": \"sam@example.org\"}}");
    }

    private String invoke(String body) {
        var response = http.post("/automations/invoke", body);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().path("runId").asText();
    }

    private JsonNode outputOf(String runId, int step) {
        String message = herald.sentMessageOfStep(runId, step);
        return herald.api().output(message).get(0).path("content");
    }

    private void pass(Duration duration) {
        clock.advance(duration);
        durableWork.runDueWorkNow();
    }

    @Test
    void updateProfileMergesIntoTheProfileAndLaterStepsSeeIt() {
        String runId = invoke("""
                {"recipient": "sam", "profile": {"locale": "en-GB"}, "automation": {"steps": [
                  {"action": "update-profile", "profile": {"onboarding": {"stage": "welcomed"}, "name": "Sam"}},
                  {"action": "update-profile", "profile": {"name": "Samuel", "tier": "gold"}, "merge": "soft-merge"},
                  {"action": "send", "content": {"title": "Hi {{profile.name}}", "body": "Stage {{profile.onboarding.stage}}"},
                   "if": "profile.onboarding.stage == \\"welcomed\\" && profile.tier == \\"gold\\""}
                ]}}""");

        herald.awaitRun(runId, "COMPLETED");
        JsonNode profile = http.get("/profiles/sam").json().path("profile");
        assertThat(profile.path("name").asText()).as("soft-merge keeps what is there").isEqualTo("Sam");
        assertThat(profile.path("tier").asText()).isEqualTo("gold");
        assertThat(profile.path("onboarding").path("stage").asText()).isEqualTo("welcomed");
        assertThat(profile.path("locale").asText()).as("the invocation's profile is merged first").isEqualTo("en-GB");
        assertThat(profile.path("email").asText()).isEqualTo("sam@example.org");
        JsonNode email = outputOf(runId, 2);
        assertThat(email.path("subject").asText()).isEqualTo("Hi Sam");
        assertThat(email.path("text").asText()).isEqualTo("Stage welcomed");
    }

    @Test
    void fetchDataMergesTheAnswerIntoTheDataForLaterSteps() {
        CUSTOMER_API.stubFor(WireMock.get("/accounts/sam").willReturn(okJson("{\"plan\": \"enterprise\", \"seats\": 12}")));
        CUSTOMER_API.stubFor(post("/enrich").willReturn(okJson("{\"plan\": \"ignored\", \"region\": \"eu\"}")));

        String runId = invoke("""
                {"recipient": "sam", "data": {"plan": "pro", "source": "api"}, "automation": {"steps": [
                  {"action": "fetch-data", "webhook": {"url": "%1$s/accounts/{{user_id}}", "headers": {"Authorization": "Bearer k-1"}},
                   "merge_strategy": "overwrite"},
                  {"action": "fetch-data", "webhook": {"url": "%1$s/enrich", "method": "POST", "body": "{\\"user\\": \\"{{user_id}}\\", \\"plan\\": \\"{{plan}}\\"}"},
                   "merge_strategy": "soft-merge"},
                  {"action": "send", "content": {"title": "Your plan", "body": "{{plan}} for {{seats}} seats in {{region}}"}, "if": "data.seats > 10"}
                ]}}""".formatted(CUSTOMER_API.baseUrl()));

        JsonNode run = herald.awaitRun(runId, "COMPLETED");
        CUSTOMER_API.verify(1, getRequestedFor(urlEqualTo("/accounts/sam")).withHeader("Authorization", equalTo("Bearer k-1")));
        CUSTOMER_API.verify(1, postRequestedFor(urlEqualTo("/enrich")).withRequestBody(equalToJson("{\"user\": \"sam\", \"plan\": \"enterprise\"}")));
        assertThat(run.path("data").path("plan").asText()).isEqualTo("enterprise");
        assertThat(run.path("data").path("seats").asInt()).isEqualTo(12);
        assertThat(run.path("data").path("region").asText()).isEqualTo("eu");
        assertThat(run.path("data").path("source").asText()).isEqualTo("api");
        assertThat(outputOf(runId, 2).path("text").asText()).isEqualTo("enterprise for 12 seats in eu");
    }

    @Test
    void aFetchToAnInternalAddressBuiltFromEventDataIsRefusedWithTheReasonInTheStep() {
        for (String host : List.of("127.0.0.1:" + CUSTOMER_API.port(), "169.254.169.254", "10.1.2.3", "2130706433", "[::1]")) {
            String runId = invoke("""
                    {"recipient": "sam", "data": {"host": "%s"}, "automation": {"steps": [
                      {"action": "fetch-data", "webhook": {"url": "http://{{host}}/accounts/{{user_id}}"}}
                    ]}}""".formatted(host));

            JsonNode run = herald.awaitRun(runId, "FAILED");
            assertThat(run.path("steps").get(0).path("error").asText()).as(host).contains("refused to call")
                    .contains("herald.automations.fetch-data.allowed-hosts");
        }
        assertThat(CUSTOMER_API.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))).as("never called over 127.0.0.1").isEmpty();
    }

    @Test
    void aDefinitionThatFetchesFromTheCloudMetadataServiceIsRefusedAtSave() {
        var response = http.put("/automations/metadata", """
                {"steps": [{"action": "fetch-data", "webhook": {"url": "http://169.254.169.254/latest/meta-data/iam"}}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("message").asText()).startsWith("steps[0].webhook.url: refused to call 169.254.169.254")
                .contains("link-local");
        assertThat(http.get("/automations/metadata").status()).isEqualTo(404);
    }

    @Test
    void anEventWhoseTriggerConditionIsFalseIsFilteredWithTheReasonNotUnmapped() {
        herald.putAutomation("big-orders", """
                {"trigger": {"event": "track/Order Completed", "if": "data.total > 100.0"},
                 "steps": [{"action": "send", "content": {"title": "Thanks", "body": "Big order"}}]}""");

        assertThat(herald.track("sam", "Order Completed", "{\"total\": 50.0}")).isEmpty();
        assertThat(herald.track("sam", "Order Completed", "{\"total\": 500.0}")).as("the track/ prefix matched").hasSize(1);

        var events = http.get("/inbound/events?status=FILTERED").json().path("results");
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.path("status").asText()).isEqualTo("FILTERED");
            assertThat(event.path("error").asText()).isEqualTo("automation 'big-orders': trigger.if is false for this event");
        });
        assertThat(http.get("/inbound/events?status=UNMAPPED").json().path("results")).isEmpty();
    }

    @Test
    void aFetchThatFailsFailsTheRunAndSaysWhy() {
        CUSTOMER_API.stubFor(WireMock.get("/accounts/sam").willReturn(aResponse().withStatus(503)));

        String runId = invoke("""
                {"recipient": "sam", "automation": {"steps": [
                  {"action": "fetch-data", "webhook": {"url": "%s/accounts/{{user_id}}"}},
                  {"action": "send", "content": {"title": "t", "body": "b"}}
                ]}}""".formatted(CUSTOMER_API.baseUrl()));

        JsonNode run = herald.awaitRun(runId, "FAILED");
        assertThat(Http.texts(run.path("steps"), "status")).containsExactly("FAILED", "PENDING");
        assertThat(run.path("steps").get(0).path("error").asText()).isEqualTo("GET " + CUSTOMER_API.baseUrl() + "/accounts/sam failed: answered 503");
        assertThat(run.path("error").asText()).startsWith("steps[0] (fetch-data): GET ");
        assertThat(http.get("/messages").json().path("results")).isEmpty();
    }

    @Test
    void aConditionThatCannotBeEvaluatedFailsTheRunAndSaysWhy() {
        String runId = invoke("""
                {"recipient": "sam", "automation": {"steps": [
                  {"action": "send", "content": {"title": "t", "body": "b"}, "if": "data.coupon == \\"SPRING\\""}
                ]}}""");

        JsonNode run = herald.awaitRun(runId, "FAILED");
        assertThat(run.path("steps").get(0).path("status").asText()).isEqualTo("FAILED");
        assertThat(run.path("error").asText()).isEqualTo("steps[0] (send): if could not be evaluated: key 'coupon' is not present in map.");
        assertThat(http.get("/messages").json().path("results")).isEmpty();
    }

    @Test
    void anInvokeStepStartsTheSavedAutomationForTheSameRecipientWithTheSameData() {
        herald.putAutomation("receipt", """
                {"steps": [{"action": "send", "content": {"title": "Receipt", "body": "Plan {{plan}}"}}]}""");

        String parent = invoke("""
                {"recipient": "sam", "data": {"plan": "pro"}, "automation": {"steps": [{"action": "invoke", "template": "receipt"}]}}""");

        JsonNode invoked = herald.awaitRun(parent, "COMPLETED").path("steps").get(0).path("runs");
        assertThat(invoked).hasSize(1);
        JsonNode child = herald.awaitRun(invoked.get(0).asText(), "COMPLETED");
        assertThat(child.path("automation").asText()).isEqualTo("receipt");
        assertThat(child.path("recipient").asText()).isEqualTo("sam");
        assertThat(outputOf(invoked.get(0).asText(), 0).path("text").asText()).isEqualTo("Plan pro");

        var direct = http.post("/automations/receipt/invoke", "{\"recipient\": \"sam\", \"data\": {\"plan\": \"team\"}}");
        assertThat(direct.status()).isEqualTo(202);
        assertThat(outputOf(direct.json().path("runId").asText(), 0).path("text").asText()).isEqualTo("Plan team");
    }

    @Test
    void aCancelStepCancelsTheOtherActiveRunsWithItsToken() {
        String drip = """
                {"recipient": "%s", "automation": {"cancelation_token": "{{user_id}}-drip", "steps": [
                  {"action": "delay", "duration": "1 day"}, {"action": "send", "content": {"title": "Day 2", "body": "Tip"}}]}}""";
        String samsDrip = invoke(drip.formatted("sam"));
        String kimsDrip = invoke(drip.formatted("kim"));
        herald.awaitRun(samsDrip, "WAITING");
        herald.awaitRun(kimsDrip, "WAITING");

        String cancel = invoke("""
                {"recipient": "sam", "automation": {"cancelation_token": "{{user_id}}-drip", "steps": [
                  {"action": "cancel", "cancelation_token": "{{user_id}}-drip"}]}}""");

        JsonNode canceler = herald.awaitRun(cancel, "COMPLETED");
        assertThat(canceler.path("cancelation_token").asText()).isEqualTo("sam-drip");
        assertThat(Http.texts(canceler.path("steps"), "status")).as("a cancel step does not cancel its own run").containsExactly("DONE");
        assertThat(canceler.path("steps").get(0).path("runs")).hasSize(1);
        assertThat(canceler.path("steps").get(0).path("runs").get(0).asText()).isEqualTo(samsDrip);
        assertThat(herald.run(samsDrip).path("status").asText()).isEqualTo("CANCELED");
        pass(Duration.ofDays(1));
        herald.awaitRun(kimsDrip, "COMPLETED");
        assertThat(herald.run(samsDrip).path("status").asText()).isEqualTo("CANCELED");
        assertThat(http.get("/messages?recipient=sam").json().path("results")).isEmpty();
    }

    @Test
    void aDelayUntilADateWaitsUntilThen() {
        String until = clock.now().plus(Duration.ofHours(1)).toString();
        String runId = invoke("""
                {"recipient": "sam", "automation": {"steps": [
                  {"action": "delay", "until": "%s"}, {"action": "send", "content": {"title": "Now", "body": "It is time"}}]}}""".formatted(until));

        JsonNode waiting = herald.awaitRun(runId, "WAITING");
        assertThat(waiting.path("steps").get(0).path("wake_at").asLong()).isEqualTo(java.time.Instant.parse(until).toEpochMilli());
        pass(Duration.ofMinutes(59));
        assertThat(herald.run(runId).path("status").asText()).isEqualTo("WAITING");

        pass(Duration.ofMinutes(1));

        herald.awaitRun(runId, "COMPLETED");
        assertThat(outputOf(runId, 1).path("subject").asText()).isEqualTo("Now");
    }

    @Test
    void aDelayWithBothADurationAndAnUntilWaitsForWhicheverComesFirst_andASendStepsProfileReachesTheSend() {
        String until = clock.now().plus(Duration.ofMinutes(30)).toString();
        String runId = invoke("""
                {"recipient": "sam", "automation": {"steps": [
                  {"action": "delay", "duration": "2 hours", "until": "%s"},
                  {"action": "send", "profile": {"email": "samuel@example.org", "name": "Samuel"},
                   "content": {"title": "Hi {{profile.name}}", "body": "Half an hour"}}]}}""".formatted(until));

        JsonNode waiting = herald.awaitRun(runId, "WAITING");
        assertThat(waiting.path("steps").get(0).path("wake_at").asLong()).isEqualTo(java.time.Instant.parse(until).toEpochMilli());
        pass(Duration.ofMinutes(30));

        herald.awaitRun(runId, "COMPLETED");
        assertThat(outputOf(runId, 1).path("subject").asText()).isEqualTo("Hi Samuel");
        assertThat(http.get("/profiles/sam").json().path("profile").path("email").asText()).isEqualTo("samuel@example.org");
    }

    @Test
    void aTriggerConditionSeesTheEventAndOneThatCannotBeEvaluatedStartsNothing() {
        herald.putAutomation("team-upgrade", """
                {"trigger": {"event": "Plan Changed", "if": "event.properties.plan == \\"team\\" && event.user_id == \\"sam\\""},
                 "steps": [{"action": "send", "content": {"title": "Welcome to {{plan}}", "body": "Invite your team"}}]}""");
        herald.putAutomation("big-order", """
                {"trigger": {"event": "Order Completed", "if": "data.total > 100"},
                 "steps": [{"action": "send", "content": {"title": "Thanks", "body": "Big order"}}]}""");

        List<String> team = herald.track("sam", "Plan Changed", "{\"plan\": \"team\"}");
        List<String> solo = herald.track("sam", "Plan Changed", "{\"plan\": \"solo\"}");
        List<String> noTotal = herald.track("sam", "Order Completed", "{\"order_id\": \"A-7\"}");

        assertThat(team).hasSize(1);
        assertThat(solo).isEmpty();
        assertThat(noTotal).as("data.total is missing: the condition cannot be evaluated").isEmpty();
        JsonNode run = herald.awaitRun(team.get(0), "COMPLETED");
        assertThat(run.path("event").asText()).isEqualTo("Plan Changed");
        assertThat(run.path("data").path("plan").asText()).isEqualTo("team");
        String message = run.path("steps").get(0).path("messages").get(0).asText();
        assertThat(herald.message(message).path("event").asText()).isEqualTo("Plan Changed");
        assertThat(outputOf(team.get(0), 0).path("subject").asText()).isEqualTo("Welcome to team");
    }

    @Test
    void aSendStepsThrottleLetsMaxThroughAcrossRunsAndThrottlesTheRest() {
        String steps = """
                {"recipient": "sam", "automation": {"steps": [
                  {"action": "send", "content": {"title": "Tip", "body": "One a day"},
                   "throttle": {"key": "{{user_id}}-tips", "max": 1, "period": "1 day"}}
                ]}}""";
        String first = invoke(steps);
        herald.awaitRun(first, "COMPLETED");
        herald.sentMessageOfStep(first, 0);
        String second = invoke(steps);
        String message = herald.awaitRun(second, "COMPLETED").path("steps").get(0).path("messages").get(0).asText();

        JsonNode throttled = herald.api().awaitStatus(message, "THROTTLED");
        assertThat(throttled.path("error").asText()).isEqualTo("throttled: 1 per 1 day for key 'sam-tips'");
    }
}
