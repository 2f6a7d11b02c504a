package io.herald.bootstrap.send;

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
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A send to a list is answered at once and expanded a page at a time (here 250 subscribers a page): every subscriber
 * gets one message, and no page holds more than its page of subscribers in memory.
 */
@MicronautTest(transactional = false)
class ListSendTest implements HeraldTest {

    private static final int SUBSCRIBERS = 3_000;

    @Inject
    EmbeddedServer server;

    private Api api;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("herald.send.list-page-size", "250", "herald.scheduler.polling-interval", "100ms");
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = new Api(server.getURI(), API_KEY);
        api.put("/lists/everyone", "{\"name\": \"Everyone\"}");
        Sql.update("INSERT INTO list_subscriptions (list_id, user_id, created_at) "
                + "SELECT 'everyone', 'user-' || lpad(n::text, 5, '0'), now() FROM generate_series(1, ?) AS n", SUBSCRIBERS);
    }

    @Test
    void everySubscriberGetsOneMessageAndTheSendIsAnsweredAtOnce() {
        Instant started = Instant.now();
        String requestId = api.send("{\"to\": [{\"list_id\": \"everyone\", \"data\": {\"plan\": \"pro\"}}, {\"email\": \"also@example.org\"}], "
                + "\"content\": {\"title\": \"News\", \"body\": \"For {{plan}} users\"}, \"routing\": {\"method\": \"single\", \"channels\": [\"inbox\"]}}");
        assertThat(Duration.between(started, Instant.now())).as("the answer does not wait for the list").isLessThan(Duration.ofSeconds(2));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                Sql.count("SELECT count(*) FROM messages WHERE request_id = ? AND status = 'SENT'", requestId) == SUBSCRIBERS);
        assertThat(Sql.count("SELECT count(DISTINCT user_id) FROM messages WHERE request_id = ? AND user_id IS NOT NULL", requestId))
                .isEqualTo(SUBSCRIBERS);
        assertThat(Sql.count("SELECT count(*) FROM messages WHERE request_id = ?", requestId)).as("and the one ad-hoc recipient")
                .isEqualTo(SUBSCRIBERS + 1);
        assertThat(Sql.count("SELECT count(*) FROM inbox_messages WHERE content->>'body' = 'For pro users'")).isEqualTo(SUBSCRIBERS);
        assertThat(Sql.count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'expand-list-send'")).as("every page done").isZero();
    }

    @Test
    void aToOfMoreRecipientsThanTheLimitIsRefusedNamingLists() {
        StringBuilder to = new StringBuilder("[");
        for (int i = 0; i < 1_001; i++) {
            to.append(i == 0 ? "" : ",").append("{\"email\": \"u").append(i).append("@example.org\"}");
        }
        var response = api.sendRaw("{\"message\": {\"to\": " + to + "], \"content\": {\"title\": \"a\", \"body\": \"b\"}}}",
                Map.of("Content-Type", "application/json"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("message").asText()).startsWith("message.to names 1001 recipients; at most 1000")
                .contains("list_id");
        assertThat(Sql.count("SELECT count(*) FROM messages")).isZero();
    }
}
