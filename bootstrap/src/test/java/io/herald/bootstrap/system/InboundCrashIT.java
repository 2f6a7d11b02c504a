package io.herald.bootstrap.system;

import io.herald.bootstrap.support.Http;
import io.herald.testsupport.SharedPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged Heralds on one PostgreSQL process a backlog in lanes; one is killed (SIGKILL) in the middle of it.
 * The other takes over the lanes the dead one held: every event is processed exactly once, each having sent
 * exactly one message, none lost and none twice.
 */
class InboundCrashIT {

    private static final int BATCHES = 60;
    private static final int EVENTS_PER_BATCH = 100;
    private static final String KEY = "crash-key";

    @Test
    void anInstanceKilledMidTurnLosesNothingAndNothingIsProcessedTwice() throws Exception {
        DataSource database = SharedPostgres.freshDatabase("herald_crash");
        String url = SharedPostgres.jdbcUrl("herald_crash");
        Map<String, String> environment = Map.of(
                "DATASOURCES_DEFAULT_URL", url,
                "DATASOURCES_DEFAULT_USERNAME", SharedPostgres.username(),
                "DATASOURCES_DEFAULT_PASSWORD", "",
                "HERALD_AUTH_API_KEYS", KEY,
                "HERALD_SCHEDULER_INBOUND_THREADS", "2");
        Path dirA = Files.createTempDirectory("herald-crash-a");
        Path dirB = Files.createTempDirectory("herald-crash-b");
        try (var a = new HeraldProcess(dirA, environment).start(); var b = new HeraldProcess(dirB, environment).start()) {
            Http apiA = Http.to(a.uri()).withApiKey(KEY);
            Http apiB = Http.to(b.uri()).withApiKey(KEY);
            assertThat(apiA.put("/templates/crash-probe", """
                    {"name": "Crash probe", "events": ["Crash Probe"],
                     "channels": {"inbox": {"title": "Probe {{n}}", "body": "Event {{n}}"}}}""").status()).isEqualTo(200);

            for (int batch = 0; batch < BATCHES; batch++) {
                StringBuilder body = new StringBuilder("{\"batch\": [");
                for (int i = 0; i < EVENTS_PER_BATCH; i++) {
                    body.append(i == 0 ? "" : ",").append("""
                            {"type": "track", "messageId": "crash-%d-%d", "userId": "user-%d", "event": "Crash Probe", "properties": {"n": %d}}"""
                            .formatted(batch, i, i, batch));
                }
                assertThat((batch % 2 == 0 ? apiA : apiB).post("/v1/batch", body.append("]}").toString()).status()).isEqualTo(200);
            }
            long pendingAtKill = count(database, "SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'");
            a.kill();

            assertThat(pendingAtKill).as("killed while the backlog was being processed").isBetween(1L, (long) BATCHES * EVENTS_PER_BATCH - 1);
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> count(database, "SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'") == 0);
            assertThat(apiB.get("/health").status()).isEqualTo(200);
        } finally {
            HeraldProcess.deleteDirectory(dirA);
            HeraldProcess.deleteDirectory(dirB);
        }

        int events = BATCHES * EVENTS_PER_BATCH;
        assertThat(count(database, "SELECT count(*) FROM inbound_events WHERE status = 'MAPPED'")).isEqualTo(events);
        assertThat(count(database, "SELECT count(*) FROM inbound_events WHERE cardinality(message_ids) <> 1"))
                .as("events that did not send exactly one message").isZero();
        assertThat(count(database, "SELECT count(*) FROM messages")).as("messages, one per event").isEqualTo(events);
        assertThat(count(database, "SELECT count(*) FROM messages WHERE message_id NOT IN (SELECT unnest(message_ids) FROM inbound_events)"))
                .as("messages no event records").isZero();
    }

    private static long count(DataSource database, String sql) throws Exception {
        return rows(database, sql).get(0);
    }

    private static List<Long> rows(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<Long> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values;
        }
    }
}
