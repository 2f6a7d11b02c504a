package io.herald.bootstrap.segment;

import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Courier's inbound track API: 202 with the messageId, 409 for a repeated messageId. */
@MicronautTest(transactional = false)
class CourierInboundTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    private Http api;

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = Http.to(server.getURI()).withApiKey(API_KEY);
    }

    private static final String EVENT = """
            {"event": "New Order Placed", "messageId": "4c62c457-b329-4bea-9bfc-17bba86c393f",
             "properties": {"order_id": 123, "total_orders": 5}, "type": "track", "userId": "1234"}""";

    @Test
    void acceptsATrackEventOnceAndLogsIt() {
        var first = api.post("/inbound/courier", EVENT);
        var again = api.post("/inbound/courier", EVENT);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().path("messageId").asText()).isEqualTo("4c62c457-b329-4bea-9bfc-17bba86c393f");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("conflict");
        await().atMost(Duration.ofSeconds(10)).until(() -> Sql.count("SELECT count(*) FROM inbound_events WHERE status = 'UNMAPPED'") == 1);
        var events = api.get("/inbound/events?status=UNMAPPED").json().path("results");
        assertThat(events.get(0).path("event").asText()).isEqualTo("track/New Order Placed");
        assertThat(events.get(0).path("source").asText()).isEqualTo("courier");
        assertThat(events.get(0).path("userId").asText()).isEqualTo("1234");
        assertThat(api.get("/profiles/1234").status()).isEqualTo(200);
    }

    @Test
    void badEventsAre400NamingTheField() {
        var noEvent = api.post("/inbound/courier", "{\"messageId\": \"m\", \"type\": \"track\", \"properties\": {}}");
        var wrongType = api.post("/inbound/courier", "{\"event\": \"E\", \"messageId\": \"m\", \"type\": \"identify\"}");
        var noMessageId = api.post("/inbound/courier", "{\"event\": \"E\", \"type\": \"track\"}");
        var badStatus = api.get("/inbound/events?status=LOST");

        assertThat(noEvent.json().path("message").asText()).isEqualTo("event is required and must be a string");
        assertThat(wrongType.json().path("message").asText()).contains("type must be \"track\"");
        assertThat(noMessageId.json().path("message").asText()).contains("messageId");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(Sql.count("SELECT count(*) FROM inbound_events")).isZero();
    }

    @Test
    void theEventLogPagesWithACursor() {
        for (int i = 0; i < 5; i++) {
            api.post("/inbound/courier", EVENT.replace("4c62c457", "page-" + i));
        }

        var first = api.get("/inbound/events?limit=2").json();
        var second = api.get("/inbound/events?limit=2&cursor=" + first.path("paging").path("cursor").asText()).json();
        var third = api.get("/inbound/events?limit=2&cursor=" + second.path("paging").path("cursor").asText()).json();

        assertThat(first.path("paging").path("more").asBoolean()).isTrue();
        assertThat(third.path("paging").path("more").asBoolean()).isFalse();
        assertThat(first.path("results").size() + second.path("results").size() + third.path("results").size()).isEqualTo(5);
        assertThat(Http.texts(first.path("results"), "messageId")).doesNotContainAnyElementsOf(Http.texts(second.path("results"), "messageId"));
        assertThat(api.get("/inbound/events?cursor=garbage!").status()).isEqualTo(400);
    }
}
