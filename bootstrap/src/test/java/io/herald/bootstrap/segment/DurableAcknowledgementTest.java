package io.herald.bootstrap.segment;

import io.herald.bootstrap.support.Fixtures;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 2xx means the event is in PostgreSQL: an instance that acknowledges and then stops before processing
 * (here: one that runs no durable work) loses nothing, because the next instance processes it.
 */
class DurableAcknowledgementTest {

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
    }

    private static Map<String, Object> properties(boolean runsDurableWork) {
        Map<String, Object> properties = new HashMap<>(SharedPostgres.micronautProperties());
        properties.put("herald.auth.api-keys", HeraldTest.API_KEY);
        properties.put("herald.scheduler.enabled", runsDurableWork);
        properties.put("micronaut.server.port", -1);
        return properties;
    }

    @Test
    void eventsAcknowledgedBeforeACrashAreProcessedByTheNextInstance() {
        try (ApplicationContext acknowledging = ApplicationContext.run(EmbeddedServer.class, properties(false)).getApplicationContext()) {
            Http api = Http.to(acknowledging.getBean(EmbeddedServer.class).getURI()).withApiKey(HeraldTest.API_KEY);
            assertThat(api.post("/v1/batch", Fixtures.segment("batch.json")).status()).isEqualTo(200);
            assertThat(api.post("/segment", Fixtures.segment("group.json")).status()).isEqualTo(200);
            assertThat(Sql.count("SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'")).isEqualTo(4);
        }

        try (ApplicationContext recovering = ApplicationContext.run(EmbeddedServer.class, properties(true)).getApplicationContext()) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Sql.count("SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'") == 0);
            Http api = Http.to(recovering.getBean(EmbeddedServer.class).getURI()).withApiKey(HeraldTest.API_KEY);
            assertThat(api.get("/profiles/user_123").json().path("profile").path("email").asText()).isEqualTo("alex@example.com");
            assertThat(api.get("/tenants/0e8c78ea9d97a7b8185e8632").json().path("name").asText()).isEqualTo("Initech");
            assertThat(Sql.count("SELECT count(*) FROM inbound_events WHERE status = 'FAILED'")).isZero();
        }
    }

    @Test
    void anAcknowledgementThatFailsBeforeItsCommitStoresNothing() {
        Map<String, Object> properties = properties(true);
        properties.put("herald.test.fail-scheduling", "true");
        try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext()) {
            Http api = Http.to(context.getBean(EmbeddedServer.class).getURI()).withApiKey(HeraldTest.API_KEY);

            var response = api.post("/segment", Fixtures.segment("identify.json"));

            assertThat(response.status()).isEqualTo(500);
            assertThat(Sql.count("SELECT count(*) FROM inbound_events")).as("rolled back with the failed signal").isZero();
        }
    }
}
