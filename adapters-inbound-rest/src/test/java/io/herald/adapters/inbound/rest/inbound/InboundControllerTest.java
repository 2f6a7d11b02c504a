package io.herald.adapters.inbound.rest.inbound;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingListInboundEvents;
import io.herald.adapters.inbound.rest.fakes.RecordingTrackInboundEvent;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.errors.ConflictException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ListInboundEventsQuery;
import io.herald.application.port.in.TrackInboundEventCommand;
import io.herald.application.port.out.InboundEventLog.InboundEventRecord;
import io.herald.domain.inbound.InboundEventStatus;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class InboundControllerTest extends ApiTest {

    @Inject
    RecordingTrackInboundEvent track;

    @Inject
    RecordingListInboundEvents events;

    @Test
    void couriersInboundTrackIsAcceptedWithItsMessageId() {
        Reply reply = api.post("/inbound/courier", """
                {"event": "Order Completed", "messageId": "order-completed-78912", "type": "track", "userId": "user_123",
                 "properties": {"order_id": "ORD-78912", "total": 149.99}}""");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"messageId\": \"order-completed-78912\"}"));
        assertThat(track.onlyCommand()).isEqualTo(new TrackInboundEventCommand("Order Completed", "order-completed-78912",
                Map.of("order_id", "ORD-78912", "total", 149.99), Optional.of(UserId.of("user_123"))));
    }

    @Test
    void anEventWithoutAUserHasNoRecipient() {
        api.post("/inbound/courier", "{\"event\": \"Deploy Finished\", \"messageId\": \"m1\", \"type\": \"track\", \"userId\": \"\"}");

        assertThat(track.onlyCommand().userId()).isEmpty();
        assertThat(track.onlyCommand().properties()).isEmpty();
    }

    @Test
    void onlyTrackEventsComeInThisWay() {
        assertBadRequest(api.post("/inbound/courier", "{\"event\": \"e\", \"messageId\": \"m1\", \"type\": \"identify\"}"), "type must be \"track\"");
        assertBadRequest(api.post("/inbound/courier", "{\"event\": \"e\", \"messageId\": \"m1\"}"), "type is required and must be a string");
        assertThat(track.calls()).isEmpty();
    }

    @Test
    void anEventNeedsItsNameAndMessageId() {
        assertBadRequest(api.post("/inbound/courier", "{\"messageId\": \"m1\", \"type\": \"track\"}"), "event is required and must be a string");
        assertBadRequest(api.post("/inbound/courier", "{\"event\": \"e\", \"type\": \"track\"}"), "messageId is required and must be a string");
        assertThat(track.calls()).isEmpty();
    }

    @Test
    void aUserIdLongerThan512CharactersIsRefused() {
        assertBadRequest(api.post("/inbound/courier", "{\"event\": \"e\", \"messageId\": \"m1\", \"type\": \"track\", \"userId\": \"" + "u".repeat(513) + "\"}"),
                "userId must be 1 to 512 characters");
        assertThat(track.calls()).isEmpty();
    }

    @Test
    void aRepeatedMessageIdIsAConflict() {
        track.failWith(new ConflictException("An inbound event with messageId 'm1' was already received"));

        assertApiError(api.post("/inbound/courier", "{\"event\": \"e\", \"messageId\": \"m1\", \"type\": \"track\"}"),
                409, "conflict", "messageId 'm1' was already received");
    }

    @Test
    void inboundEventsAreListedWithWhatTheyTriggered() {
        Instant received = Instant.parse("2026-03-02T09:00:00Z");
        Instant processed = Instant.parse("2026-03-02T09:00:02Z");
        events.answer(new Page<>(List.of(new InboundEventRecord(41, "order-completed-78912", "segment-api", "track", "track/Order Completed",
                "user_123", Map.of("event", "Order Completed"), InboundEventStatus.MAPPED, received, processed, List.of("1-m1"),
                List.of("run-r1"), null, 1)), "41"));

        Reply reply = api.get("/inbound/events?status=mapped&cursor=40&limit=1");

        assertThat(events.onlyQuery()).isEqualTo(new ListInboundEventsQuery(Optional.of(InboundEventStatus.MAPPED), Optional.of("40"), 1));
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"paging": {"cursor": "41", "more": true},
                 "results": [{"id": 41, "messageId": "order-completed-78912", "source": "segment-api", "type": "track",
                              "event": "track/Order Completed", "userId": "user_123", "status": "MAPPED", "received": %d, "processed": %d,
                              "triggered": {"messages": ["1-m1"], "automationRuns": ["run-r1"]}, "error": null,
                              "payload": {"event": "Order Completed"}}]}""".formatted(received.toEpochMilli(), processed.toEpochMilli())));
    }

    @Test
    void withoutFiltersTheFirstTwentyEventsAreAskedForAndTheLastPageSaysThereIsNoMore() {
        Reply reply = api.get("/inbound/events");

        assertThat(events.onlyQuery()).isEqualTo(new ListInboundEventsQuery(Optional.empty(), Optional.empty(), 20));
        assertThat(reply.json()).isEqualTo(Json.parse("{\"paging\": {\"cursor\": null, \"more\": false}, \"results\": []}"));
    }

    @Test
    void aCursorTheLogRefusesIsABadRequest() {
        events.failWith(new InvalidValueException("cursor 'garbage!' is not a cursor Herald issued"));

        assertBadRequest(api.get("/inbound/events?cursor=garbage!"), "cursor 'garbage!' is not a cursor Herald issued");
        assertThat(events.onlyQuery().cursor()).contains("garbage!");
    }

    @Test
    void anUnknownStatusOrALimitOverAHundredIsRefused() {
        assertBadRequest(api.get("/inbound/events?status=LOST"), "status must be one of [RECEIVED, MAPPED, UNMAPPED, FILTERED, PROCESSED, FAILED]");
        assertBadRequest(api.get("/inbound/events?limit=101"), "limit must be between 1 and 100");
        assertThat(events.calls()).isEmpty();
    }
}
