package io.herald.bootstrap.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.MutableTestClock;
import io.herald.bootstrap.support.ProviderStubs;
import io.herald.bootstrap.support.SendGridEventWebhook;
import io.herald.persistence.durable.DurableWork;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scenarios every Herald user starts with, end to end: Segment identify and track over HTTP, the real SendGrid
 * and Twilio senders against stubs of their APIs, the in-app inbox, SendGrid's signed open callbacks, and time
 * moved by hand: the two hours of a delay pass in a millisecond.
 */
@MicronautTest(transactional = false)
class AutomationJourneysTest implements HeraldTest {

    private static final ProviderStubs PROVIDERS = new ProviderStubs();
    private static final SendGridEventWebhook SENDGRID_WEBHOOK = new SendGridEventWebhook();

    @Inject
    EmbeddedServer server;

    @Inject
    MutableTestClock clock;

    @Inject
    DurableWork durableWork;

    private AutomationApi herald;

    @Override
    public Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(PROVIDERS.heraldProperties());
        properties.putAll(SENDGRID_WEBHOOK.heraldProperties());
        properties.put("herald.channels.inbox.providers", "inbox");
        properties.put("herald.test.clock", "mutable");
        return properties;
    }

    @AfterAll
    void stopStubs() {
        PROVIDERS.close();
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        PROVIDERS.reset();
        Api api = new Api(server.getURI(), API_KEY);
        herald = new AutomationApi(api);
        api.put("/templates/welcome", Journeys.WELCOME_TEMPLATE);
        api.put("/templates/trial-nudge", Journeys.TRIAL_NUDGE_TEMPLATE);
        api.put("/templates/order-follow-up", Journeys.ORDER_FOLLOW_UP_TEMPLATE);
        herald.putAutomation("welcome-journey", Journeys.WELCOME_JOURNEY);
        herald.putAutomation("order-follow-up", Journeys.ORDER_FOLLOW_UP);
        herald.putAutomation("trial-converted", Journeys.TRIAL_CONVERTED);
        herald.identify("alex", """
                {"name": "Alex", "email": "alex@example.org", "phone": "+15550100"}""");
    }

    private void pass(Duration duration) {
        clock.advance(duration);
        durableWork.runDueWorkNow();
    }

    /** Trial Started: the run sends the welcome email through SendGrid and waits in its delay. */
    private String trialStartsAndTheWelcomeEmailIsSent() {
        List<String> runs = herald.track("alex", "Trial Started", "{\"plan\": \"pro\"}");
        assertThat(runs).as("the inbound event shows the run it started").hasSize(1);
        String runId = runs.get(0);
        herald.sentMessageOfStep(runId, 0);
        JsonNode run = herald.awaitStep(runId, 1, "WAITING");
        assertThat(run.path("status").asText()).isEqualTo("WAITING");
        assertThat(run.path("cancelation_token").asText()).isEqualTo("alex-onboarding");
        assertThat(PROVIDERS.sendGridRequests()).hasSize(1);
        JsonNode mail = ProviderStubs.json(PROVIDERS.sendGridRequests().get(0));
        assertThat(mail.path("personalizations").get(0).path("to").get(0).path("email").asText()).isEqualTo("alex@example.org");
        assertThat(mail.path("subject").asText()).isEqualTo("Welcome, Alex");
        return runId;
    }

    private String welcomeMessage(String runId) {
        return herald.run(runId).path("steps").get(0).path("messages").get(0).asText();
    }

    /** Nothing more reaches a provider or the inbox, however long one waits. */
    private void nothingMoreIsSent(int emails) {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                PROVIDERS.sendGridRequests().size() == emails && PROVIDERS.twilioRequests().isEmpty());
        assertThat(herald.http().get("/users/alex/inbox").json().path("messages")).isEmpty();
    }

    @Test
    void anUnopenedWelcomeAndAnInactiveUserGetAnSmsTwoHoursLater() {
        String runId = trialStartsAndTheWelcomeEmailIsSent();

        pass(Duration.ofMinutes(119));
        durableWork.runDueWorkNow();
        nothingMoreIsSent(1);
        pass(Duration.ofMinutes(1));

        JsonNode run = herald.awaitRun(runId, "COMPLETED");
        assertThat(Http.texts(run.path("steps"), "status")).containsExactly("DONE", "DONE", "DONE", "SKIPPED");
        String sms = herald.sentMessageOfStep(runId, 2);
        assertThat(herald.message(sms).path("channel").asText()).isEqualTo("sms");
        assertThat(herald.message(sms).path("automationRunId").asText()).isEqualTo(runId);
        assertThat(PROVIDERS.twilioRequests()).hasSize(1);
        Map<String, String> twilio = ProviderStubs.form(PROVIDERS.twilioRequests().get(0));
        assertThat(twilio.get("To")).isEqualTo("+15550100");
        assertThat(twilio.get("Body")).isEqualTo("Need a hand with your pro trial? Reply HELP.");
        assertThat(PROVIDERS.sendGridRequests()).hasSize(1);
    }

    @Test
    void anOpenedWelcomeSendsNoSms() {
        String runId = trialStartsAndTheWelcomeEmailIsSent();
        String welcome = welcomeMessage(runId);
        pass(Duration.ofMinutes(20));

        var opened = SENDGRID_WEBHOOK.postSigned(server.getURI(), SendGridEventWebhook.events(welcome, "sg-1", "open"),
                Long.toString(clock.now().getEpochSecond()));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(herald.message(welcome).path("status").asText()).isEqualTo("OPENED");
        pass(Duration.ofHours(2));

        JsonNode run = herald.awaitRun(runId, "COMPLETED");
        assertThat(Http.texts(run.path("steps"), "status")).containsExactly("DONE", "DONE", "SKIPPED", "SKIPPED");
        nothingMoreIsSent(1);
    }

    @Test
    void aUserActiveInTheAppGetsAnInboxMessageInsteadOfAnSms() {
        String runId = trialStartsAndTheWelcomeEmailIsSent();

        pass(Duration.ofMinutes(110));
        herald.track("alex", "Report Viewed", "{}");
        pass(Duration.ofMinutes(10));

        JsonNode run = herald.awaitRun(runId, "COMPLETED");
        assertThat(Http.texts(run.path("steps"), "status")).containsExactly("DONE", "DONE", "SKIPPED", "DONE");
        String inboxMessage = herald.sentMessageOfStep(runId, 3);
        JsonNode inbox = herald.http().get("/users/alex/inbox").json().path("messages");
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("messageId").asText()).isEqualTo(inboxMessage);
        assertThat(inbox.get(0).path("body").asText()).isEqualTo("Three things to try in your pro trial");
        assertThat(PROVIDERS.twilioRequests()).isEmpty();
    }

    @Test
    void anOrderOver100GetsAnEmailAndAnSmsTwoHoursLater() {
        List<String> runs = herald.track("alex", "Order Completed", "{\"order_id\": \"A-1001\", \"total\": 149.99}");
        assertThat(runs).hasSize(1);
        herald.awaitStep(runs.get(0), 0, "WAITING");
        nothingMoreIsSent(0);

        pass(Duration.ofHours(2));

        JsonNode run = herald.awaitRun(runs.get(0), "COMPLETED");
        String followUp = run.path("steps").get(1).path("messages").get(0).asText();
        herald.api().awaitStatus(followUp, "SENT");
        await().atMost(Duration.ofSeconds(10)).until(() -> PROVIDERS.sendGridRequests().size() == 1 && PROVIDERS.twilioRequests().size() == 1);
        assertThat(ProviderStubs.json(PROVIDERS.sendGridRequests().get(0)).toString()).contains("Order A-1001: 149.99");
        assertThat(ProviderStubs.form(PROVIDERS.twilioRequests().get(0)).get("Body")).isEqualTo("Thanks for order A-1001! How did it go?");
    }

    @Test
    void anOrderOf50StartsNothing() {
        assertThat(herald.track("alex", "Order Completed", "{\"order_id\": \"A-1002\", \"total\": 50}")).isEmpty();

        pass(Duration.ofHours(3));

        nothingMoreIsSent(0);
        // Mapped to an automation whose condition was false: FILTERED, with the reason (it used to read UNMAPPED).
        JsonNode filtered = herald.http().get("/inbound/events?status=FILTERED").json().path("results");
        assertThat(Http.texts(filtered, "event")).containsExactly("track/Order Completed");
        assertThat(filtered.get(0).path("error").asText()).contains("trigger.if is false for this event");
        assertThat(herald.http().get("/messages").json().path("results")).isEmpty();
    }

    @Test
    void aCancelEventBeforeTheDelayEndsStopsTheRun() {
        String runId = trialStartsAndTheWelcomeEmailIsSent();
        pass(Duration.ofMinutes(30));

        List<String> cancelRuns = herald.track("alex", "Trial Converted", "{}");

        assertThat(cancelRuns).hasSize(1);
        JsonNode cancel = herald.awaitRun(cancelRuns.get(0), "COMPLETED");
        assertThat(cancel.path("steps").get(0).path("runs").get(0).asText()).isEqualTo(runId);
        JsonNode canceled = herald.awaitRun(runId, "CANCELED");
        assertThat(Http.texts(canceled.path("steps"), "status")).containsExactly("DONE", "CANCELED", "CANCELED", "CANCELED");
        pass(Duration.ofHours(2));
        nothingMoreIsSent(1);
        assertThat(herald.run(runId).path("status").asText()).isEqualTo("CANCELED");
    }
}
