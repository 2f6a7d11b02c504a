package io.herald.adapters.inbound.segment;

import io.herald.adapters.inbound.segment.support.FakeCallers;
import io.herald.adapters.inbound.segment.support.Reply;
import io.herald.domain.inbound.SegmentEvent;
import io.herald.domain.inbound.SegmentEventType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.herald.adapters.inbound.segment.support.Segment.basic;
import static io.herald.adapters.inbound.segment.support.Segment.fixture;
import static io.herald.adapters.inbound.segment.support.Segment.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Segment's HTTP Tracking API ({@code /v1/*}), as analytics-java and analytics-node call it. */
@MicronautTest
class SegmentTrackingApiTest extends SegmentTest {

    private static final Map<String, Object> NODE_LIBRARY = Map.of("library", Map.of("name", "analytics-node", "version", "3.1.0"));

    // --- one event per call -------------------------------------------------------------------------------

    @Test
    void aTrackEventIsIngestedFieldByField() {
        Reply reply = segment.post("/v1/track", fixture("track.json"));

        assertAcknowledged(reply);
        assertThat(ingest.onlyCommand().source()).isEqualTo("segment-api");
        SegmentEvent event = ingest.events().get(0);
        assertThat(event.type()).isEqualTo(SegmentEventType.TRACK);
        assertThat(event.messageId()).isEqualTo("segment-test-message-a8rmf");
        assertThat(event.userId()).isEqualTo("test-user-cqw3gr");
        assertThat(event.event()).isEqualTo("Segment Test Event Name");
        assertThat(event.properties()).isEqualTo(Map.of("property1", 1, "property2", "test", "property3", true));
        assertThat(event.email()).isEqualTo("test@example.org");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2021-12-07T08:41:59.410Z"));
        assertThat(event.raw()).containsEntry("projectId", "4GgKeBoVJkT9EZL4vAmduv");
    }

    @Test
    void anIdentifyEventCarriesItsTraits() {
        assertAcknowledged(segment.post("/v1/identify", fixture("identify-channels.json")));

        SegmentEvent event = ingest.events().get(0);
        assertThat(event.type()).isEqualTo(SegmentEventType.IDENTIFY);
        assertThat(event.userId()).isEqualTo("userId123");
        assertThat(event.traits()).containsEntry("email", "carrier.pigeon@example.com").containsEntry("sms", "+1-123-555-7890")
                .containsEntry("order_completed_last_30days", true);
        assertThat(event.profileChanges()).containsEntry("phone_number", "+1-123-555-7890");
    }

    @Test
    void aGroupEventNamesItsTenant() {
        assertAcknowledged(segment.post("/v1/group", fixture("group.json")));

        SegmentEvent event = ingest.events().get(0);
        assertThat(event.type()).isEqualTo(SegmentEventType.GROUP);
        assertThat(event.groupId()).isEqualTo("0e8c78ea9d97a7b8185e8632");
        assertThat(event.traits()).containsEntry("name", "Initech").containsEntry("employees", 329);
    }

    @Test
    void thePathGivesTheTypeOfAnEventThatDoesNotSayIt() {
        assertAcknowledged(segment.post("/v1/page", "{\"anonymousId\": \"anon-42\", \"name\": \"Pricing\", \"messageId\": \"p1\"}"));
        assertAcknowledged(segment.post("/v1/screen", "{\"userId\": \"user_123\", \"name\": \"Home\"}"));
        assertAcknowledged(segment.post("/v1/alias", "{\"userId\": \"user_123\", \"previousId\": \"anon-42\"}"));

        assertThat(ingest.commands()).extracting(command -> command.events().get(0).type())
                .containsExactly(SegmentEventType.PAGE, SegmentEventType.SCREEN, SegmentEventType.ALIAS);
        assertThat(ingest.commands().get(0).events().get(0).anonymousId()).isEqualTo("anon-42");
        assertThat(ingest.commands().get(2).events().get(0).previousId()).isEqualTo("anon-42");
    }

    @Test
    void anEventOfAnotherTypeThanItsPathIsRefused() {
        assertRefused(segment.post("/v1/track", fixture("identify.json")), 400, "type 'identify' does not match the endpoint /v1/track");
    }

    @Test
    void browserSdksMaySendJsonAsTextPlain() {
        Reply reply = segment.send(HttpRequest.POST("/v1/track", fixture("track-order-completed.json")).contentType(MediaType.TEXT_PLAIN_TYPE)
                .header("Authorization", basic(FakeCallers.WRITE_KEY)));

        assertAcknowledged(reply);
        assertThat(ingest.events().get(0).properties()).containsEntry("order_id", "ORD-78912").containsEntry("total", 149.99)
                .containsEntry("items", List.of("Widget Pro", "Gadget Max"));
    }

    // --- batches ------------------------------------------------------------------------------------------

    @Test
    void aBatchIsIngestedInOrderInOneCommand() {
        assertAcknowledged(segment.post("/v1/batch", fixture("batch.json")));

        List<SegmentEvent> events = ingest.events();
        assertThat(events).extracting(SegmentEvent::type).containsExactly(SegmentEventType.IDENTIFY, SegmentEventType.TRACK, SegmentEventType.PAGE);
        assertThat(events).extracting(SegmentEvent::messageId).containsExactly("batch-0001", "batch-0002", "batch-0003");
        assertThat(events.get(1).event()).isEqualTo("Trial Started");
        assertThat(events.get(1).properties()).isEqualTo(Map.of("plan_type", "pro", "first_name", "Alex"));
        assertThat(ingest.onlyCommand().source()).isEqualTo("segment-api");
    }

    @Test
    void theBatchsContextAppliesToEventsWithoutTheirOwn() {
        String batch = """
                {"batch": [{"type": "track", "userId": "u1", "event": "A", "messageId": "b1"},
                           {"type": "track", "userId": "u1", "event": "B", "messageId": "b2", "context": {"ip": "203.0.113.7"}}],
                 "context": {"library": {"name": "analytics-node", "version": "3.1.0"}},
                 "integrations": {"All": true}}""";

        assertAcknowledged(segment.post("/v1/batch", batch));

        List<SegmentEvent> events = ingest.events();
        assertThat(events.get(0).raw()).containsEntry("context", NODE_LIBRARY).containsEntry("integrations", Map.of("All", true));
        assertThat(events.get(1).raw()).containsEntry("context", Map.of("ip", "203.0.113.7"));
    }

    @Test
    void importIsABatchAndAnalyticsJavasTrailingSlashIsServed() {
        assertAcknowledged(segment.post("/v1/import", fixture("batch.json")));
        assertAcknowledged(segment.post("/v1/import/", fixture("batch.json")));

        assertThat(ingest.commands()).hasSize(2).allSatisfy(command -> assertThat(command.events()).hasSize(3));
    }

    @Test
    void oneBadEventRefusesTheWholeBatchNamingItsIndex() {
        String identify = fixture("identify.json");
        String batch = "{\"batch\": [" + identify + ", " + identify.replace("segment-test-message-iskh4123", "other")
                + ", {\"type\": \"track\", \"userId\": \"u\"}]}";

        assertRefused(segment.post("/v1/batch", batch), 400, "batch[2]: event is required for a track event");
    }

    @Test
    void aBatchMustHoldAnArrayOfEventObjects() {
        assertRefused(segment.post("/v1/batch", "{\"batch\": []}"), 400, "batch is empty");
        assertRefused(segment.post("/v1/batch", "{\"events\": [" + fixture("track.json") + "]}"), 400, "batch is required and must be an array of events");
        assertRefused(segment.post("/v1/batch", "{\"batch\": {}}"), 400, "batch is required and must be an array of events");
        assertRefused(segment.post("/v1/batch", "{\"batch\": [" + fixture("track.json") + ", 7]}"), 400, "batch[1] must be an event object");
        assertRefused(segment.post("/v1/batch", "[" + fixture("track.json") + "]"), 400, "body must be an object with a batch array");
    }

    // --- authentication -----------------------------------------------------------------------------------

    @Test
    void theWriteKeyIsTheBasicUsernameAndThePasswordIsIgnored() {
        String withPassword = "Basic " + Base64.getEncoder().encodeToString((FakeCallers.WRITE_KEY + ":anything").getBytes(StandardCharsets.UTF_8));

        assertAcknowledged(segment.send(json("/v1/track", fixture("track.json")).header("Authorization", withPassword)));
        assertThat(callers.presented()).containsExactly(FakeCallers.WRITE_KEY);
    }

    @Test
    void anAdminKeySendsEventsToo() {
        assertAcknowledged(segment.send(json("/v1/track", fixture("track.json")).header("Authorization", basic(FakeCallers.ADMIN_KEY))));
        assertAcknowledged(segment.send(json("/v1/identify", fixture("identify.json")).bearerAuth(FakeCallers.ADMIN_KEY)));
    }

    @Test
    void aBearerWriteKeyIsAccepted() {
        assertAcknowledged(segment.send(json("/v1/track", fixture("track.json")).bearerAuth(FakeCallers.WRITE_KEY)));
    }

    @Test
    void theWriteKeyMayBeInTheBodyAndIsNotKeptWithTheEvent() {
        String track = fixture("track.json").replaceFirst("\\{", "{\"writeKey\": \"" + FakeCallers.WRITE_KEY + "\", ");

        assertAcknowledged(segment.send(json("/v1/track", track)));

        assertThat(callers.presented()).containsExactly(FakeCallers.WRITE_KEY);
        assertThat(ingest.events().get(0).raw()).doesNotContainKey("writeKey").containsEntry("event", "Segment Test Event Name");
    }

    @Test
    void aBatchMayCarryTheWriteKey() {
        String batch = fixture("batch.json").replaceFirst("\\{", "{\"writeKey\": \"" + FakeCallers.WRITE_KEY + "\", ");

        assertAcknowledged(segment.send(json("/v1/batch", batch)));

        assertThat(ingest.events()).hasSize(3).allSatisfy(event -> assertThat(event.raw()).doesNotContainKey("writeKey"));
    }

    @Test
    void withoutAKeyTheCallerIsToldTheThreeWaysToSendOne() {
        assertRefused(segment.send(json("/v1/track", fixture("track.json"))), 401,
                "Missing API key: send Basic auth with the key as username, a Bearer token, or writeKey in the body");
    }

    @Test
    void anUnknownKeyIsRefusedWhereverItIs() {
        assertRefused(segment.send(json("/v1/track", fixture("track.json")).header("Authorization", basic("not-a-key"))), 401, "Invalid API key");
        assertRefused(segment.send(json("/v1/track", fixture("track.json")).bearerAuth("not-a-key")), 401, "Invalid API key");
        assertRefused(segment.send(json("/v1/track", fixture("track.json").replaceFirst("\\{", "{\"writeKey\": \"not-a-key\", "))), 401,
                "Invalid writeKey");
        assertRefused(segment.send(json("/v1/track", fixture("track.json").replaceFirst("\\{", "{\"writeKey\": 42, "))), 401,
                "Invalid writeKey");
    }

    @Test
    void aBadHeaderIsNotRescuedByAGoodWriteKeyInTheBody() {
        String track = fixture("track.json").replaceFirst("\\{", "{\"writeKey\": \"" + FakeCallers.WRITE_KEY + "\", ");

        assertRefused(segment.send(json("/v1/track", track).header("Authorization", basic("not-a-key"))), 401, "Invalid API key");
    }

    @Test
    void aClientTokenCannotSendEvents() {
        assertRefused(segment.send(json("/v1/track", fixture("track.json")).bearerAuth(FakeCallers.CLIENT_TOKEN)), 401, "Invalid API key");
    }

    @Test
    void basicAuthThatIsNotBase64IsRefused() {
        assertRefused(segment.send(json("/v1/track", fixture("track.json")).header("Authorization", "Basic %%%")), 401, "Invalid API key");
        assertThat(callers.presented()).isEmpty();
    }

    // --- bad input ----------------------------------------------------------------------------------------

    @Test
    void malformedOrEmptyBodiesAreRefused() {
        assertRefused(segment.post("/v1/track", "{\"type\": \"track\", "), 400, "Malformed JSON");
        assertRefused(segment.post("/v1/batch", "{\"batch\": [1, 2"), 400, "Malformed JSON");
        assertRefused(segment.post("/v1/batch", "[1, 2"), 400, "Malformed JSON");
        assertRefused(segment.post("/v1/track", ""), 400, "body is empty; send a JSON Segment event");
        assertRefused(segment.post("/v1/track", "[" + fixture("track.json") + "]"), 400, "body must be a Segment event object");
    }

    @Test
    void anEventMustSayWhoItIsAbout() {
        assertRefused(segment.post("/v1/track", "{\"event\": \"Signed Up\", \"messageId\": \"m1\"}"), 400, "userId or anonymousId is required");
        assertRefused(segment.post("/v1/track", "{\"userId\": \"u1\", \"messageId\": \"m1\"}"), 400, "event is required for a track event");
        assertRefused(segment.post("/v1/group", "{\"userId\": \"u1\"}"), 400, "groupId is required for a group event");
        assertRefused(segment.post("/v1/alias", "{\"userId\": \"u1\"}"), 400, "previousId is required for an alias event");
    }

    @Test
    void badFieldsAreRefusedNamingThem() {
        assertRefused(segment.post("/v1/identify", "{\"userId\": \"u1\", \"traits\": [\"vip\"]}"), 400, "traits must be an object");
        assertRefused(segment.post("/v1/track", "{\"userId\": \"u1\", \"event\": \"E\", \"timestamp\": \"yesterday\"}"), 400,
                "timestamp 'yesterday' is not an ISO-8601 date-time");
        assertRefused(segment.post("/v1/track", "{\"userId\": \"" + "u".repeat(513) + "\", \"event\": \"E\"}"), 400,
                "userId must be at most 512 characters");
    }

    @Test
    void textThatCannotBeStoredIsRefusedNamingTheField() {
        assertRefused(segment.post("/v1/track", "{\"userId\": \"u1\", \"event\": \"E\", \"properties\": {\"note\": \"a\\u0000b\"}}"), 400,
                "properties.note contains U+0000 (NUL), which cannot be stored");
    }

    @Test
    void anEventOver32KilobytesIsRefusedAsSegmentWould() {
        String big = "{\"userId\": \"u1\", \"event\": \"E\", \"properties\": {\"blob\": \"" + "x".repeat(33 * 1024) + "\"}}";

        assertRefused(segment.post("/v1/track", big), 400, "event is " + big.length() + " bytes; Segment's limit is 32 KB per event");
        assertRefused(segment.post("/v1/batch", "{\"batch\": [" + big.replace("{", "{\"type\": \"track\", ") + "]}"), 400,
                "batch[0] is");
    }

    @Test
    void aBatchOver500KilobytesIsRefusedAsSegmentWould() {
        StringBuilder batch = new StringBuilder("{\"batch\": [");
        String event = "{\"type\": \"track\", \"userId\": \"u1\", \"event\": \"E\", \"properties\": {\"blob\": \"" + "x".repeat(20 * 1024) + "\"}}";
        for (int i = 0; i < 26; i++) {
            batch.append(i == 0 ? "" : ", ").append(event);
        }
        String body = batch.append("]}").toString();

        assertRefused(segment.post("/v1/batch", body), 400, "batch is " + body.length() + " bytes; Segment's limit is 500 KB");
    }

    @Test
    void aBatchOfMoreThan2500EventsIsRefused() {
        StringBuilder batch = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < 2501; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"type\":\"page\",\"userId\":\"u\"}");
        }

        assertRefused(segment.post("/v1/batch", batch.append("]}").toString()), 400, "batch has 2501 events; Segment's limit is 2500");
    }
}
