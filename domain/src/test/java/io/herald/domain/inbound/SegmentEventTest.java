package io.herald.domain.inbound;

import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentEventTest {

    @Test
    void readsATrackEvent() {
        var event = SegmentEvent.parse(Map.of(
                "type", "track", "messageId", "m-1", "userId", "user_123", "event", "Order Completed",
                "properties", Map.of("total", 149.99), "timestamp", "2025-12-10T14:00:00.000Z"), null);

        assertThat(event.type()).isEqualTo(SegmentEventType.TRACK);
        assertThat(event.recipient().value()).isEqualTo("user_123");
        assertThat(event.logName()).isEqualTo("track/Order Completed");
        assertThat(event.properties()).containsEntry("total", 149.99);
        assertThat(event.occurredAt()).contains(Instant.parse("2025-12-10T14:00:00Z"));
    }

    @Test
    void theAnonymousIdNamesTheRecipientWhenThereIsNoUserId() {
        var event = SegmentEvent.parse(Map.of("type", "page", "anonymousId", "anon-9", "name", "Pricing"), null);

        assertThat(event.recipient().value()).isEqualTo("anon-9");
        assertThat(event.logName()).isEqualTo("page");
    }

    @Test
    void theEndpointImpliesTheTypeWhenTheEventOmitsIt() {
        assertThat(SegmentEvent.parse(Map.of("userId", "u", "event", "Signed Up"), SegmentEventType.TRACK).type())
                .isEqualTo(SegmentEventType.TRACK);
        assertThatThrownBy(() -> SegmentEvent.parse(Map.of("type", "identify", "userId", "u"), SegmentEventType.TRACK))
                .hasMessageContaining("does not match the endpoint /v1/track");
    }

    @Test
    void refusesEventsMissingWhatTheirTypeNeeds() {
        assertThatThrownBy(() -> SegmentEvent.parse(Map.of("type", "track", "event", "X"), null))
                .isInstanceOf(InvalidValueException.class).hasMessage("userId or anonymousId is required");
        assertThatThrownBy(() -> SegmentEvent.parse(Map.of("type", "track", "userId", "u"), null))
                .hasMessageContaining("event is required");
        assertThatThrownBy(() -> SegmentEvent.parse(Map.of("type", "group", "userId", "u"), null))
                .hasMessageContaining("groupId is required");
        assertThatThrownBy(() -> SegmentEvent.parse(Map.of("type", "alias", "anonymousId", "a", "previousId", "p"), null))
                .hasMessageContaining("userId is required for an alias");
        assertThatThrownBy(() -> SegmentEvent.parse(Map.of("type", "teleport", "userId", "u"), null))
                .hasMessageContaining("type 'teleport' is not one of");
        assertThatThrownBy(() -> SegmentEvent.parse(Map.of("userId", "u"), null))
                .hasMessageContaining("type is required");
        assertThatThrownBy(() -> SegmentEvent.parse(Map.of("type", "identify", "userId", "u", "traits", "x"), null))
                .hasMessageContaining("traits must be an object");
        assertThatThrownBy(() -> SegmentEvent.parse(Map.of("type", "identify", "userId", "u", "timestamp", "yesterday"), null))
                .hasMessageContaining("timestamp 'yesterday'");
    }

    @Test
    void numericUserIdsAreReadAsText() {
        assertThat(SegmentEvent.parse(Map.of("type", "identify", "userId", 42), null).recipient().value()).isEqualTo("42");
    }

    @Test
    void identifyTraitsMapToTheAttributesHeraldRoutesOn() {
        var event = SegmentEvent.parse(Map.of("type", "identify", "userId", "userId123", "traits", Map.of(
                "email", "carrier.pigeon@example.com", "sms", "+1-123-555-7890", "name", "Alex Chen")), null);

        assertThat(event.profileChanges())
                .containsEntry("email", "carrier.pigeon@example.com")
                .containsEntry("phone_number", "+1-123-555-7890")
                .containsEntry("sms", "+1-123-555-7890")
                .containsEntry("name", "Alex Chen");
    }

    @Test
    void phoneNumberTraitWinsOverPhoneAndSms_andTopLevelEmailIsAccepted() {
        Map<String, Object> raw = new HashMap<>(Map.of("type", "identify", "userId", "u", "email", "top@example.org",
                "traits", Map.of("phone", "+100", "phone_number", "+200", "sms", "+300")));

        var changes = SegmentEvent.parse(raw, null).profileChanges();

        assertThat(changes).containsEntry("phone_number", "+200").containsEntry("email", "top@example.org");
    }
}
