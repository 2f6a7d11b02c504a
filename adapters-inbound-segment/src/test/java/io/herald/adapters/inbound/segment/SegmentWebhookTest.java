package io.herald.adapters.inbound.segment;

import io.herald.adapters.inbound.segment.support.FakeCallers;
import io.herald.domain.inbound.SegmentEvent;
import io.herald.domain.inbound.SegmentEventType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static io.herald.adapters.inbound.segment.support.Segment.basic;
import static io.herald.adapters.inbound.segment.support.Segment.fixture;
import static io.herald.adapters.inbound.segment.support.Segment.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Segment's destination webhook ({@code POST /segment}), with no shared secret configured. */
@MicronautTest
class SegmentWebhookTest extends SegmentTest {

    @Test
    void oneEventIsIngestedAsTheWebhooks() {
        assertAcknowledged(segment.post("/segment", fixture("identify.json")));

        assertThat(ingest.onlyCommand().source()).isEqualTo("segment-webhook");
        SegmentEvent event = ingest.events().get(0);
        assertThat(event.type()).isEqualTo(SegmentEventType.IDENTIFY);
        assertThat(event.userId()).isEqualTo("rod-test");
        assertThat(event.traits()).containsEntry("trait1", 2).containsEntry("email", "test@example.org");
    }

    @Test
    void anArrayOfEventsIsIngestedInOrderInOneCommand() {
        String events = "[" + fixture("identify-channels.json") + ", " + fixture("track-order-completed.json") + ", " + fixture("group.json") + "]";

        assertAcknowledged(segment.post("/segment", events));

        assertThat(ingest.events()).extracting(SegmentEvent::type)
                .containsExactly(SegmentEventType.IDENTIFY, SegmentEventType.TRACK, SegmentEventType.GROUP);
        assertThat(ingest.events()).extracting(SegmentEvent::messageId)
                .containsExactly("segment-test-message-ident-0002", "order-completed-78912", "segment-test-message-group-01");
    }

    @Test
    void aBearerKeyIsAcceptedAndWithoutASecretAnyXSignatureIsIgnored() {
        assertAcknowledged(segment.send(json("/segment", fixture("track.json")).bearerAuth(FakeCallers.ADMIN_KEY)
                .header("X-Signature", "0000")));

        assertThat(callers.presented()).containsExactly(FakeCallers.ADMIN_KEY);
    }

    @Test
    void theWebhookTakesItsKeyFromTheHeaderOnly() {
        String track = fixture("track.json").replaceFirst("\\{", "{\"writeKey\": \"" + FakeCallers.WRITE_KEY + "\", ");

        assertRefused(segment.send(json("/segment", track)), 401,
                "Missing API key: send Authorization: Bearer <key> or Basic with the key as username");
    }

    @Test
    void anUnknownKeyOrAClientTokenIsRefused() {
        assertRefused(segment.send(json("/segment", fixture("track.json")).header("Authorization", basic("not-a-key"))), 401, "Missing API key");
        assertRefused(segment.send(json("/segment", fixture("track.json")).bearerAuth(FakeCallers.CLIENT_TOKEN)), 401, "Missing API key");
    }

    @Test
    void everyEventMustSayItsType() {
        assertRefused(segment.post("/segment", "{\"type\": \"teleport\", \"userId\": \"u\"}"), 400, "type 'teleport' is not one of");
        assertRefused(segment.post("/segment", "{\"userId\": \"u\", \"event\": \"E\"}"), 400, "type is required");
        assertRefused(segment.post("/segment", "{\"type\": \"track\", \"userId\": \"u\"}"), 400, "event is required for a track event");
    }

    @Test
    void aBadEventOfAnArrayIsNamedByItsIndex() {
        assertRefused(segment.post("/segment", "[" + fixture("track.json") + ", \"not an event\"]"), 400, "[1] must be an event object");
        assertRefused(segment.post("/segment", "[" + fixture("track.json") + ", {\"type\": \"track\", \"userId\": \"u\"}]"), 400,
                "[1]: event is required for a track event");
    }

    @Test
    void aBodyThatIsNoEventIsRefused() {
        assertRefused(segment.post("/segment", "\"identify\""), 400, "body must be a Segment event or an array of events");
        assertRefused(segment.post("/segment", "[]"), 400, "batch is empty");
        assertRefused(segment.post("/segment", "{\"type\": "), 400, "Malformed JSON");
        assertRefused(segment.post("/segment", ""), 400, "body is empty");
    }

    @Test
    void anEventOver32KilobytesIsRefused() {
        String big = "{\"type\": \"track\", \"userId\": \"u1\", \"event\": \"E\", \"properties\": {\"blob\": \"" + "x".repeat(33 * 1024) + "\"}}";

        assertRefused(segment.post("/segment", big), 400, "Segment's limit is 32 KB per event");
        assertRefused(segment.post("/segment", "[" + big + "]"), 400, "[0] is");
    }
}
