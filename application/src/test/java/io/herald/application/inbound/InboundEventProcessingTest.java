package io.herald.application.inbound;

import io.herald.application.port.out.OperationalMetrics;
import io.herald.application.errors.ConflictException;
import io.herald.application.fakes.InMemoryInboundEventLog;
import io.herald.application.fakes.InMemoryProfileRepository;
import io.herald.application.fakes.InMemoryTenantRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.application.fakes.RecordingDurableScheduler;
import io.herald.application.inbound.EventTrigger.Triggered;
import io.herald.application.port.in.IngestSegmentEventsCommand;
import io.herald.application.port.in.TrackInboundEventCommand;
import io.herald.domain.inbound.InboundEventStatus;
import io.herald.domain.inbound.SegmentEvent;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ingest and processing of inbound events, against in-memory fakes of the out-ports. */
class InboundEventProcessingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final InMemoryInboundEventLog log = new InMemoryInboundEventLog();
    private final InMemoryProfileRepository profiles = new InMemoryProfileRepository();
    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    private final RecordingDurableScheduler scheduler = new RecordingDurableScheduler();
    private final List<EventTrigger.TrackedEvent> fired = new ArrayList<>();
    private final InboundEventsService ingest = new InboundEventsService(log, scheduler, clock);

    private ProcessInboundEventService processing(EventTrigger... triggers) {
        return new ProcessInboundEventService(log, profiles, tenants, List.of(triggers), OperationalMetrics.NONE, (from, into) -> { }, clock);
    }

    private void ingest(Map<String, Object>... events) {
        List<SegmentEvent> parsed = java.util.Arrays.stream(events).map(e -> SegmentEvent.parse(e, null)).toList();
        ingest.ingestAll(List.of(new IngestSegmentEventsCommand(parsed, "test")));
    }

    private void runScheduledWork(ProcessInboundEventService service) {
        while (service.processPending(2).processed() > 0) {
            // drains in chunks of two, to cross chunk boundaries
        }
    }

    @Test
    void duplicatesAreAcknowledgedButScheduledOnce() {
        var identify = Map.<String, Object>of("type", "identify", "messageId", "m1", "userId", "u", "traits", Map.of("email", "u@example.org"));

        ingest(identify, identify);
        ingest(identify);

        assertThat(scheduler.inboundSignals()).isEqualTo(1);
        assertThat(log.pendingIds(List.of(), 10, clock.now())).hasSize(1);
    }

    @Test
    void aBatchIsProcessedInOrderAndTriggersSeeTheProfileAsTheEventLeavesIt() {
        EventTrigger trigger = names -> event -> {
            fired.add(event);
            return List.of();
        };
        ingest(Map.of("type", "identify", "messageId", "i1", "userId", "u", "traits", Map.of("email", "first@example.org")),
                Map.of("type", "track", "messageId", "t1", "userId", "u", "event", "E"),
                Map.of("type", "identify", "messageId", "i2", "userId", "u", "traits", Map.of("email", "second@example.org")),
                Map.of("type", "track", "messageId", "t2", "userId", "u", "event", "E"));

        runScheduledWork(processing(trigger));

        assertThat(fired).extracting(event -> event.profile().orElseThrow().email().orElseThrow())
                .containsExactly("first@example.org", "second@example.org");
        assertThat(profiles.find(UserId.of("u")).orElseThrow().email()).contains("second@example.org");
    }

    @Test
    void anUnreadableEventFailsAloneAndTheRestOfItsBatchIsProcessed() {
        ingest(Map.of("type", "identify", "messageId", "i1", "userId", "u", "traits", Map.of("plan", "pro")),
                Map.of("type", "page", "messageId", "p1", "userId", "u"));
        var corrupt = new io.herald.application.port.out.InboundEventLog.NewInboundEvent("bad", "test", "track", "track/x",
                "u", Map.of("type", "track", "userId", "u"), clock.now());
        long badId = log.appendNew(List.of(corrupt)).get(0);

        processing().processPending(10);

        assertThat(log.find(badId).orElseThrow().status()).isEqualTo(InboundEventStatus.FAILED);
        assertThat(log.find(badId).orElseThrow().error()).contains("event is required");
        assertThat(log.find(1).orElseThrow().status()).isEqualTo(InboundEventStatus.PROCESSED);
        assertThat(log.find(2).orElseThrow().status()).isEqualTo(InboundEventStatus.PROCESSED);
    }

    @Test
    void identifyMergesTraitsAndRefreshesActivity() {
        ingest(Map.of("type", "identify", "messageId", "m1", "userId", "u", "traits", Map.of("email", "u@example.org"),
                "timestamp", "2026-01-01T11:00:00Z"));
        ingest(Map.of("type", "identify", "messageId", "m2", "userId", "u", "traits", Map.of("plan", "pro")));
        runScheduledWork(processing());

        var profile = profiles.find(UserId.of("u")).orElseThrow();
        assertThat(profile.attributes()).containsEntry("email", "u@example.org").containsEntry("plan", "pro");
        assertThat(profile.lastActiveAt()).contains(clock.now());
    }

    @Test
    void aTimestampInTheFutureCountsAsTheTimeOfReceipt() {
        ingest(Map.of("type", "page", "messageId", "m1", "userId", "u", "timestamp", "2030-01-01T00:00:00Z"));
        runScheduledWork(processing());

        assertThat(profiles.find(UserId.of("u")).orElseThrow().lastActiveAt()).contains(clock.now());
    }

    @Test
    void groupCreatesTheTenantAndMembership() {
        ingest(Map.of("type", "group", "messageId", "g1", "userId", "u", "groupId", "acme", "traits", Map.of("name", "Acme")));
        runScheduledWork(processing());

        assertThat(tenants.find("acme").orElseThrow().name()).isEqualTo("Acme");
        assertThat(tenants.members("acme", Optional.empty(), 10).items()).containsExactly(UserId.of("u"));
        assertThat(log.find(1).orElseThrow().status()).isEqualTo(InboundEventStatus.PROCESSED);
    }

    @Test
    void aTrackEventNothingIsMappedToIsUnmapped() {
        ingest(Map.of("type", "track", "messageId", "t1", "userId", "u", "event", "Signed Up"));
        runScheduledWork(processing());

        var record = log.find(1).orElseThrow();
        assertThat(record.status()).isEqualTo(InboundEventStatus.UNMAPPED);
        assertThat(record.processedAt()).isEqualTo(clock.now());
    }

    @Test
    void aTrackEventFiresTriggersAndRecordsWhatTheyStarted() {
        EventTrigger trigger = names -> event -> {
            fired.add(event);
            return List.of(Triggered.message("msg-1"), Triggered.automationRun("run-1"));
        };
        ingest(Map.of("type", "track", "messageId", "t1", "userId", "u", "event", "Trial Started", "properties", Map.of("plan", "pro")));
        ProcessInboundEventService service = processing(trigger);

        runScheduledWork(service);
        runScheduledWork(service);

        assertThat(fired).hasSize(1).first().satisfies(event -> {
            assertThat(event.event()).isEqualTo("Trial Started");
            assertThat(event.userId()).contains(UserId.of("u"));
            assertThat(event.properties()).containsEntry("plan", "pro");
        });
        var record = log.find(1).orElseThrow();
        assertThat(record.status()).isEqualTo(InboundEventStatus.MAPPED);
        assertThat(record.messageIds()).containsExactly("msg-1");
        assertThat(record.automationRunIds()).containsExactly("run-1");
    }

    @Test
    void courierInboundEventsRejectARepeatedMessageId() {
        ingest.track(new TrackInboundEventCommand("Order Placed", "c1", Map.of("total", 5), Optional.of(UserId.of("u"))));
        assertThat(scheduler.inboundSignals()).isEqualTo(1);

        assertThatThrownBy(() -> ingest.track(new TrackInboundEventCommand("Order Placed", "c1", Map.of(), Optional.empty())))
                .isInstanceOf(ConflictException.class).hasMessage("An event with messageId 'c1' was already received");
        assertThat(log.list(Optional.empty(), Optional.empty(), 10).items()).singleElement().satisfies(logged -> {
            assertThat(logged.source()).isEqualTo("courier");
            assertThat(logged.name()).isEqualTo("track/Order Placed");
            assertThat(logged.userId()).isEqualTo("u");
            assertThat(logged.payload()).containsEntry("properties", Map.of("total", 5));
        });
        clock.advance(Duration.ofSeconds(1));
        runScheduledWork(processing());
        assertThat(log.find(1).orElseThrow().status()).isEqualTo(InboundEventStatus.UNMAPPED);
        assertThat(profiles.find(UserId.of("u"))).isPresent();
    }

    @Test
    void aFailingEventIsRetriedWithBackoffThenSetAsideAsFailed() {
        ingest(Map.of("type", "track", "messageId", "t1", "userId", "u", "event", "E"));
        ProcessInboundEventService service = processing();

        service.recordFailedAttempt(1, "provider of profiles unreachable");

        assertThat(service.pendingIds(List.of(), 10)).as("not due until its backoff passed").isEmpty();
        clock.advance(Duration.ofSeconds(3));
        assertThat(service.pendingIds(List.of(), 10)).containsExactly(1L);
        for (int attempt = 2; attempt <= ProcessInboundEventService.MAX_ATTEMPTS; attempt++) {
            service.recordFailedAttempt(1, "still unreachable");
        }
        assertThat(log.find(1).orElseThrow().status()).isEqualTo(InboundEventStatus.FAILED);
        assertThat(log.find(1).orElseThrow().error()).contains("gave up after 12 attempts").contains("still unreachable");
    }

    /** A user id whose events are in another lane than {@code other}'s. */
    private static String inAnotherLaneThan(String other) {
        return java.util.stream.IntStream.range(0, 100).mapToObj(n -> "user-" + n)
                .filter(id -> InMemoryInboundEventLog.laneOf(id) != InMemoryInboundEventLog.laneOf(other)).findFirst().orElseThrow();
    }

    @Test
    void anAliasWaitsWhileTheVisitorsLaneIsHeldElsewhereAndThenAppliesAfterTheVisitorsEvents() {
        String user = inAnotherLaneThan("visitor");
        ingest(Map.of("type", "identify", "messageId", "v1", "anonymousId", "visitor", "traits", Map.of("plan", "free", "utm", "ad")));
        ingest(Map.of("type", "alias", "messageId", "a1", "userId", user, "previousId", "visitor"),
                Map.of("type", "identify", "messageId", "u1", "userId", user, "traits", Map.of("plan", "pro")));
        ProcessInboundEventService service = processing();
        log.heldElsewhere.add(InMemoryInboundEventLog.laneOf("visitor"));

        var held = service.processPending(10);

        assertThat(held.processed()).as("the user's lane stops at the alias").isZero();
        assertThat(log.find(2).orElseThrow().status()).isEqualTo(InboundEventStatus.RECEIVED);
        assertThat(log.find(3).orElseThrow().status()).as("and what follows it in the lane").isEqualTo(InboundEventStatus.RECEIVED);

        log.heldElsewhere.clear();
        runScheduledWork(service);

        assertThat(profiles.find(UserId.of(user)).orElseThrow().attributes()).as("the visitor's traits moved in, under the user's own")
                .containsEntry("utm", "ad").containsEntry("plan", "pro");
    }

    @Test
    void anAliasProcessedOnItsOwnFirstAppliesTheVisitorsEarlierEventsFromTheirLane() {
        String user = inAnotherLaneThan("visitor");
        ingest(Map.of("type", "identify", "messageId", "v1", "anonymousId", "visitor", "traits", Map.of("utm", "ad")));
        ingest(Map.of("type", "alias", "messageId", "a1", "userId", user, "previousId", "visitor"));

        assertThat(processing().process(List.of(2L))).as("the alias and the visitor's identify before it").isEqualTo(2);

        assertThat(log.find(1).orElseThrow().status()).isEqualTo(InboundEventStatus.PROCESSED);
        assertThat(profiles.find(UserId.of(user)).orElseThrow().attributes()).containsEntry("utm", "ad");
    }
}
