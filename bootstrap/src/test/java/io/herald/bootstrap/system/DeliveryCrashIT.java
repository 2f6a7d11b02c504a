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
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged Heralds on one PostgreSQL share the delivery queue (ADR 0014); one is killed (SIGKILL) while a
 * backlog of messages comes due. The other delivers what the dead one had taken: every message ends SENT, each
 * once, and the queue is empty.
 */
class DeliveryCrashIT {

    private static final int MESSAGES = 3_000;
    private static final int RECIPIENTS_PER_SEND = 100;
    private static final String KEY = "crash-key";

    @Test
    void anInstanceKilledMidTurnLeavesNoMessageUndeliveredAndNoneSentTwice() throws Exception {
        DataSource database = SharedPostgres.freshDatabase("herald_delivery_crash");
        Map<String, String> environment = Map.of(
                "DATASOURCES_DEFAULT_URL", SharedPostgres.jdbcUrl("herald_delivery_crash"),
                "DATASOURCES_DEFAULT_USERNAME", SharedPostgres.username(),
                "DATASOURCES_DEFAULT_PASSWORD", "",
                "HERALD_AUTH_API_KEYS", KEY,
                "HERALD_SCHEDULER_DELIVERY_THREADS", "2");
        Path dirA = Files.createTempDirectory("herald-delivery-crash-a");
        Path dirB = Files.createTempDirectory("herald-delivery-crash-b");
        try (var a = new HeraldProcess(dirA, environment).start(); var b = new HeraldProcess(dirB, environment).start()) {
            Http apiA = Http.to(a.uri()).withApiKey(KEY);
            // All due at one moment a few seconds on, so that both instances take turns at a backlog when it comes.
            Instant due = Instant.now().plusSeconds(8);
            for (int request = 0; request < MESSAGES / RECIPIENTS_PER_SEND; request++) {
                StringBuilder to = new StringBuilder();
                for (int i = 0; i < RECIPIENTS_PER_SEND; i++) {
                    to.append(i == 0 ? "" : ",").append("{\"email\": \"crash-%d-%d@example.org\"}".formatted(request, i));
                }
                assertThat(apiA.post("/send", """
                        {"message": {"to": [%s], "content": {"title": "Crash", "body": "Body"}, "delay": {"until": "%s"}}}"""
                        .formatted(to, due)).status()).isEqualTo(202);
            }
            assertThat(Instant.now()).as("every message stored before it came due").isBefore(due);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> count(database, "SELECT count(*) FROM messages WHERE status = 'SENT'") > 0);
            long sentAtKill = count(database, "SELECT count(*) FROM messages WHERE status = 'SENT'");
            a.kill();

            assertThat(sentAtKill).as("killed while the backlog was being delivered").isBetween(1L, MESSAGES - 1L);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count(database, "SELECT count(*) FROM messages WHERE status = 'SENT'") == MESSAGES);
            assertThat(Http.to(b.uri()).withApiKey(KEY).get("/health").status()).isEqualTo(200);
        } finally {
            HeraldProcess.deleteDirectory(dirA);
            HeraldProcess.deleteDirectory(dirB);
        }

        assertThat(count(database, "SELECT count(*) FROM messages")).isEqualTo(MESSAGES);
        assertThat(count(database, """
                SELECT count(*) FROM (SELECT message_id FROM message_history WHERE type = 'SENT'
                GROUP BY message_id HAVING count(*) <> 1) twice""")).as("messages not recorded SENT exactly once").isZero();
        assertThat(count(database, "SELECT count(*) FROM delivery_looks")).as("looks left in the queue").isZero();
    }

    private static long count(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
