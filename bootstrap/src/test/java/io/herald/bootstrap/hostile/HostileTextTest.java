package io.herald.bootstrap.hostile;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text PostgreSQL cannot store (U+0000, unpaired surrogates), sent among innocent requests: the hostile one gets a
 * 400 naming the field, its 49 neighbours (which share group commits with it) all succeed, and nothing of it is stored.
 */
@MicronautTest(transactional = false)
class HostileTextTest implements HeraldTest {

    private static final int REQUESTS = 50;
    private static final int HOSTILE = 17;

    @Inject
    EmbeddedServer server;

    private Http api;

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = Http.to(server.getURI()).withApiKey(API_KEY);
    }

    @Test
    void oneTrackWithANulAmongFiftyConcurrentOnesIsRefusedAloneAndNamed() throws Exception {
        List<Http.Response> responses = concurrently(i -> api.post("/v1/track", "{\"userId\": \"user-" + i + "\", \"event\": \"Clicked\", "
                + "\"messageId\": \"hostile-track-" + i + "\", \"properties\": {\"note\": \"" + (i == HOSTILE ? "bad\\u0000note" : "fine") + "\"}}"));

        assertInnocentSucceededAndHostileRefused(responses, 200, "properties.note contains U+0000 (NUL)");
        assertThat(Sql.count("SELECT count(*) FROM inbound_events")).isEqualTo(REQUESTS - 1);
        assertThat(Sql.count("SELECT count(*) FROM inbound_events WHERE message_id = ?", "hostile-track-" + HOSTILE)).isZero();
    }

    @Test
    void oneSendWithALoneSurrogateAmongFiftyConcurrentOnesIsRefusedAlone() throws Exception {
        List<Http.Response> responses = concurrently(i -> api.post("/send", "{\"message\": {\"to\": {\"email\": \"u" + i + "@example.org\"}, "
                + "\"content\": {\"title\": \"Hi\", \"body\": \"" + (i == HOSTILE ? "half \\ud83d emoji" : "whole \\ud83d\\ude00 emoji") + "\"}}}"));

        assertInnocentSucceededAndHostileRefused(responses, 202, "message.content.body contains an unpaired surrogate (U+D83D)");
        assertThat(Sql.count("SELECT count(*) FROM messages")).isEqualTo(REQUESTS - 1);
    }

    @Test
    void oneHostileBatchAmongFiftyIsRefusedAlone() throws Exception {
        List<Http.Response> responses = concurrently(i -> api.post("/v1/batch", "{\"batch\": [{\"type\": \"identify\", \"userId\": \"b" + i
                + "\", \"messageId\": \"hostile-batch-" + i + "\", \"traits\": {\"" + (i == HOSTILE ? "na\\u0000me" : "name") + "\": \"B\"}}]}"));

        assertInnocentSucceededAndHostileRefused(responses, 200, "a field name in batch[0].traits contains U+0000 (NUL)");
        assertThat(Sql.count("SELECT count(*) FROM inbound_events")).isEqualTo(REQUESTS - 1);
    }

    @Test
    void idsQueryParametersAndCursorsWithANulAreRefusedWithA400() {
        String nulCursor = Base64.getUrlEncoder().withoutPadding().encodeToString("abc\u0000".getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/profiles/al%00ex", "/messages/m%00", "/messages?recipient=a%00b", "/messages?cursor=" + nulCursor,
                "/inbound/events?cursor=" + nulCursor, "/lists/list%00/subscriptions")) {
            Http.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.json().path("message").asText()).as(path).contains("U+0000");
        }
        Http.Response put = api.put("/lists/team%00", "{\"name\": \"Team\"}");
        assertThat(put.status()).isEqualTo(400);
        assertThat(Sql.count("SELECT count(*) FROM lists")).isZero();
    }

    @Test
    void aBodyOfATypeTheEndpointDoesNotReadIs415AndChangesNothing() {
        String send = "{\"message\": {\"to\": {\"email\": \"t@example.org\"}, \"content\": {\"title\": \"a\", \"body\": \"b\"}}}";
        for (String type : List.of("text/html", "application/xml", "garbage", "multipart/form-data; boundary=x")) {
            Http.Response response = api.send("POST", "/send", send, Map.of("Content-Type", type));
            assertThat(response.status()).as(type).isEqualTo(415);
            assertThat(response.json().path("message").asText()).isEqualTo("Content-Type must be application/json, not " + type);
        }
        assertThat(api.send("POST", "/send", send, Map.of()).status()).as("a body with no type").isEqualTo(415);
        assertThat(api.send("PUT", "/profiles/kim", "{\"profile\": {}}", Map.of("Content-Type", "text/plain")).status()).isEqualTo(415);
        assertThat(Sql.count("SELECT count(*) FROM messages")).isZero();

        String track = "{\"userId\": \"kim\", \"event\": \"Beacon\", \"messageId\": \"beacon-1\"}";
        assertThat(api.send("POST", "/v1/track", track, Map.of("Content-Type", "application/xml")).status()).isEqualTo(415);
        assertThat(api.send("POST", "/v1/track", track, Map.of("Content-Type", "text/plain;charset=UTF-8")).status())
                .as("browser SDKs send JSON as text/plain").isEqualTo(200);
        assertThat(api.send("POST", "/send", send, Map.of("Content-Type", "application/json; charset=utf-8")).status()).isEqualTo(202);
        assertThat(api.get("/messages").status()).as("no body, no type needed").isEqualTo(200);
    }

    @Test
    void anUnexpectedFailureIsLoggedWithoutItsMessage() {
        Logger logger = (Logger) LoggerFactory.getLogger("io.herald.adapters.inbound.rest.error.ApiErrorResponseProcessor");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            assertThat(api.get("/test-probe/boom").status()).isEqualTo(500);
        } finally {
            logger.detachAppender(captured);
        }
        assertThat(captured.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO))
                .singleElement().satisfies(event -> {
                    assertThat(event.getFormattedMessage()).contains("IllegalStateException").contains("ErrorProbeController")
                            .doesNotContain("hunter2");
                    assertThat(event.getThrowableProxy()).isNull();
                });
    }

    private static void assertInnocentSucceededAndHostileRefused(List<Http.Response> responses, int success, String reason) {
        for (int i = 0; i < responses.size(); i++) {
            Http.Response response = responses.get(i);
            if (i == HOSTILE) {
                assertThat(response.status()).as(response.body()).isEqualTo(400);
                assertThat(response.json().path("message").asText()).contains(reason);
            } else {
                assertThat(response.status()).as("request %d: %s", i, response.body()).isEqualTo(success);
            }
        }
    }

    private static List<Http.Response> concurrently(IntFunction<Http.Response> request) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(REQUESTS);
        try {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int index = i;
                futures.add(callers.submit(() -> request.apply(index)));
            }
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            callers.shutdownNow();
        }
    }
}
