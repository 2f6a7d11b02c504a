package io.herald.bootstrap.operations;

import io.herald.application.port.in.ApplyRetentionUseCase;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The retention job deletes what is past its retention, in batches (here of 2), and keeps the rest. */
@MicronautTest(transactional = false)
class RetentionTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    @Inject
    ApplyRetentionUseCase retention;

    private Api api;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("herald.retention.batch-size", "2");
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = new Api(server.getURI(), API_KEY);
    }

    @Test
    void whatIsPastItsRetentionIsDeletedAndTheRestKept() {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(api.send("{\"to\": {\"user_id\": \"u" + i + "\"}, \"content\": {\"title\": \"t\", \"body\": \"b\"}, "
                    + "\"routing\": {\"method\": \"single\", \"channels\": [\"inbox\"]}}"));
        }
        messages.forEach(id -> api.awaitStatus(id, "SENT"));
        for (int i = 0; i < 4; i++) {
            api.post("/v1/track", "{\"userId\": \"u" + i + "\", \"event\": \"Old\", \"messageId\": \"old-" + i + "\"}");
        }
        String run = api.http().post("/automations/invoke", "{\"recipient\": \"u1\", \"automation\": {\"steps\": ["
                + "{\"action\": \"update-profile\", \"profile\": {\"seen\": true}}]}}").json().path("runId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Sql.count("SELECT count(*) FROM inbound_events WHERE status <> 'RECEIVED'") == 4
                        && "COMPLETED".equals(Sql.text("SELECT status FROM automation_runs WHERE run_id = ?", run)));
        Sql.update("UPDATE messages SET enqueued_at = now() - interval '100 days' WHERE message_id = ANY (?)",
                (Object) messages.subList(0, 3).toArray(new String[0]));
        Sql.update("UPDATE inbound_events SET received_at = now() - interval '40 days' WHERE message_id IN ('old-0', 'old-1', 'old-2')");
        Sql.update("UPDATE automation_runs SET created_at = now() - interval '100 days'");
        Sql.update("INSERT INTO webhook_receipts (provider, receipt, received_at) VALUES ('twilio', 'SM1/delivered', now() - interval '40 days'), "
                + "('twilio', 'SM2/delivered', now())");

        long deleted = retention.applyRetention();

        assertThat(deleted).isEqualTo(3 + 3 + 1 + 1);
        assertThat(Sql.count("SELECT count(*) FROM messages")).isEqualTo(2);
        assertThat(Sql.count("SELECT count(*) FROM inbox_messages")).as("with their inbox items").isEqualTo(2);
        assertThat(Sql.count("SELECT count(*) FROM message_history WHERE message_id = ?", messages.get(0))).isZero();
        assertThat(Sql.count("SELECT count(*) FROM inbound_events")).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM automation_runs")).isZero();
        assertThat(Sql.count("SELECT count(*) FROM webhook_receipts")).isEqualTo(1);
        assertThat(retention.applyRetention()).as("nothing more to delete").isZero();
    }
}
