package io.herald.bootstrap.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.MutableTestClock;
import io.herald.bootstrap.support.ProviderStubs;
import io.herald.bootstrap.support.Sql;
import io.herald.persistence.durable.DurableWork;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs are durable: a run waiting in a delay when Herald stops resumes on time after it starts again, and two
 * Herald instances on one PostgreSQL execute each step of each run once.
 */
class AutomationDurabilityTest {

    private static final ProviderStubs PROVIDERS = new ProviderStubs();

    @AfterAll
    static void stopStubs() {
        PROVIDERS.close();
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        PROVIDERS.reset();
    }

    private static ApplicationContext herald() {
        Map<String, Object> properties = new HashMap<>(SharedPostgres.micronautProperties());
        properties.putAll(PROVIDERS.heraldProperties());
        properties.put("herald.auth.api-keys", HeraldTest.API_KEY);
        properties.put("herald.test.clock", "mutable");
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
    }

    private static AutomationApi api(ApplicationContext context) {
        return new AutomationApi(new Api(context.getBean(EmbeddedServer.class).getURI(), HeraldTest.API_KEY));
    }

    private static void pass(ApplicationContext context, Duration duration) {
        context.getBean(MutableTestClock.class).advance(duration);
        context.getBean(DurableWork.class).runDueWorkNow();
    }

    private static void setUp(AutomationApi herald) {
        herald.api().put("/templates/welcome", Journeys.WELCOME_TEMPLATE);
        herald.api().put("/templates/trial-nudge", Journeys.TRIAL_NUDGE_TEMPLATE);
        herald.putAutomation("welcome-journey", Journeys.WELCOME_JOURNEY);
    }

    @Test
    void aRunWaitingInADelayWhenHeraldStopsResumesOnTimeAfterItStartsAgainAndSendsOnce() {
        String runId;
        try (ApplicationContext stopping = herald()) {
            AutomationApi herald = api(stopping);
            setUp(herald);
            herald.identify("alex", "{\"name\": \"Alex\", \"email\": \"alex@example.org\", \"phone\": \"+15550100\"}");
            runId = herald.track("alex", "Trial Started", "{\"plan\": \"pro\"}").get(0);
            herald.sentMessageOfStep(runId, 0);
            herald.awaitStep(runId, 1, "WAITING");
            pass(stopping, Duration.ofMinutes(90));
        }
        assertThat(PROVIDERS.twilioRequests()).isEmpty();

        try (ApplicationContext restarted = herald()) {
            AutomationApi herald = api(restarted);
            assertThat(herald.run(runId).path("status").asText()).isEqualTo("WAITING");
            pass(restarted, Duration.ofMinutes(119));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> PROVIDERS.twilioRequests().isEmpty());

            pass(restarted, Duration.ofMinutes(1));

            JsonNode run = herald.awaitRun(runId, "COMPLETED");
            String sms = herald.sentMessageOfStep(runId, 2);
            assertThat(run.path("steps").get(2).path("messages")).hasSize(1);
            assertThat(Sql.count("SELECT count(*) FROM message_history WHERE message_id = ? AND type = 'SENT'", sms)).isEqualTo(1);
        }
        assertThat(PROVIDERS.twilioRequests()).hasSize(1);
        assertThat(Sql.count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'advance-automation-run'"))
                .as("no wake-up is left behind").isZero();
    }

    @Test
    void twoInstancesOnOnePostgresExecuteEachStepOfEachRunOnce() {
        int users = 20;
        try (ApplicationContext first = herald(); ApplicationContext second = herald()) {
            List<AutomationApi> instances = List.of(api(first), api(second));
            setUp(instances.get(0));
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                AutomationApi herald = instances.get(i % 2);
                String user = "user-" + i;
                herald.identify(user, "{\"email\": \"%s@example.org\", \"phone\": \"+1555010%02d\"}".formatted(user, i));
                runs.add(herald.track(user, "Trial Started", "{\"plan\": \"team\"}").get(0));
            }
            for (String run : runs) {
                instances.get(0).awaitStep(run, 1, "WAITING");
            }

            pass(first, Duration.ofHours(2));
            pass(second, Duration.ofHours(2));

            for (String run : runs) {
                instances.get(1).awaitRun(run, "COMPLETED");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> PROVIDERS.twilioRequests().size() >= users);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> PROVIDERS.twilioRequests().size() == users);
            assertThat(PROVIDERS.twilioRequests().stream().map(request -> ProviderStubs.form(request).get("To")).distinct()).hasSize(users);
            assertThat(PROVIDERS.sendGridRequests()).hasSize(users);
            assertThat(Sql.count("SELECT count(*) FROM messages WHERE automation_run_id IS NOT NULL")).isEqualTo(2L * users);
        }
    }
}
