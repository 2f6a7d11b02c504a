package io.herald.bootstrap.segment;

import io.herald.bootstrap.support.Fixtures;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad Segment input is refused with a 400 that names the problem, and nothing of the request is stored. */
@MicronautTest(transactional = false)
class SegmentBadInputTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    private Http api;

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = Http.to(server.getURI()).withApiKey(API_KEY);
    }

    @AfterEach
    void nothingStored() {
        assertThat(Sql.count("SELECT count(*) FROM inbound_events")).isZero();
    }

    private void assertRejected(Http.Response response, String messagePart) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(response.json().path("message").asText()).contains(messagePart);
    }

    @Test
    void malformedJson() {
        assertRejected(api.post("/segment", "{\"type\": \"track\", "), "Malformed JSON");
        assertRejected(api.post("/v1/batch", "[1, 2"), "Malformed JSON");
    }

    @Test
    void anEventWithNeitherUserIdNorAnonymousId() {
        assertRejected(api.post("/v1/track", "{\"event\": \"Signed Up\", \"messageId\": \"m1\"}"), "userId or anonymousId is required");
    }

    @Test
    void anUnknownType() {
        assertRejected(api.post("/segment", "{\"type\": \"teleport\", \"userId\": \"u\"}"), "type 'teleport' is not one of");
    }

    @Test
    void aTrackEventWithoutItsEventName() {
        assertRejected(api.post("/segment", "{\"type\": \"track\", \"userId\": \"u\"}"), "event is required");
    }

    @Test
    void aBatchWithOneBadEventNamesItsIndexAndStoresNoneOfIt() {
        String good = Fixtures.segment("identify.json");
        String batch = "{\"batch\": [" + good + ", " + good.replace("segment-test-message-iskh4123", "other")
                + ", " + good.replace("segment-test-message-iskh4123", "third") + ", {\"type\": \"track\", \"userId\": \"u\"}]}";

        assertRejected(api.post("/v1/batch", batch), "batch[3]: event is required");
    }

    @Test
    void aWebhookArrayWithABadEventNamesItsIndex() {
        assertRejected(api.post("/segment", "[" + Fixtures.segment("track.json") + ", \"not an event\"]"), "[1] must be an event object");
    }

    @Test
    void anEventOver32Kilobytes() {
        String big = "{\"type\": \"track\", \"userId\": \"u\", \"event\": \"Big\", \"properties\": {\"blob\": \"" + "x".repeat(33 * 1024) + "\"}}";

        assertRejected(api.post("/v1/track", big), "32 KB");
        assertRejected(api.post("/v1/batch", "{\"batch\": [" + big + "]}"), "batch[0] is");
    }

    @Test
    void aBatchOver500Kilobytes() {
        StringJoiner events = new StringJoiner(",", "{\"batch\": [", "]}");
        for (int i = 0; i < 20; i++) {
            events.add("{\"type\": \"track\", \"userId\": \"u\", \"event\": \"E\", \"properties\": {\"blob\": \"" + "x".repeat(30 * 1024) + "\"}}");
        }

        assertRejected(api.post("/v1/batch", events.toString()), "500 KB");
    }

    @Test
    void aBatchOver2500Events() {
        StringJoiner events = new StringJoiner(",", "{\"batch\": [", "]}");
        for (int i = 0; i < 2501; i++) {
            events.add("{\"type\":\"page\",\"userId\":\"u\"}");
        }

        assertRejected(api.post("/v1/batch", events.toString()), "2500");
    }

    @Test
    void aBatchThatIsNotAnArray() {
        assertRejected(api.post("/v1/batch", "{\"batch\": {}}"), "batch is required and must be an array");
    }

    @Test
    void anEmptyBody() {
        assertRejected(api.post("/segment", ""), "body is empty");
    }
}
