package io.herald.application.contract;

import io.herald.application.port.Page;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.InboundEventLog.InboundEventRecord;
import io.herald.application.port.out.InboundEventLog.NewInboundEvent;
import io.herald.application.port.out.InboundEventLog.Outcome;
import io.herald.domain.inbound.InboundEventStatus;
import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link InboundEventLog} must do; run against the in-memory fake and PostgreSQL. */
public abstract class InboundEventLogContract {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    protected abstract InboundEventLog emptyLog();

    /** Runs {@code work} in one transaction where the implementation needs one. */
    protected <T> T inTransaction(java.util.function.Supplier<T> work) {
        return work.get();
    }

    private static NewInboundEvent event(String messageId) {
        return new NewInboundEvent(messageId, "test", "track", "track/E", "u", Map.of("messageId", messageId, "n", 1.5), NOW);
    }

    @Test
    void appendsNewEventsInOrderAndSkipsKnownMessageIds() {
        InboundEventLog log = emptyLog();

        List<Long> first = log.appendNew(List.of(event("a"), event("b"), event("a")));
        List<Long> second = log.appendNew(List.of(event("b"), event("c")));

        assertThat(first).hasSize(2);
        assertThat(first.get(0)).isLessThan(first.get(1));
        assertThat(second).hasSize(1);
        InboundEventRecord c = log.find(second.get(0)).orElseThrow();
        assertThat(c.messageId()).isEqualTo("c");
        assertThat(c.status()).isEqualTo(InboundEventStatus.RECEIVED);
        assertThat(c.payload()).containsEntry("n", 1.5);
        assertThat(c.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void eachEventOfABatchKeepsItsOwnTimeOfReceipt() {
        InboundEventLog log = emptyLog();
        NewInboundEvent later = new NewInboundEvent("b", "test", "track", "track/E", "u", Map.of("messageId", "b"), NOW.plusSeconds(5));

        List<Long> ids = log.appendNew(List.of(event("a"), later));

        assertThat(ids.stream().map(id -> log.find(id).orElseThrow().receivedAt()).toList()).containsExactly(NOW, NOW.plusSeconds(5));
    }

    @Test
    void anEventIsHandedForProcessingOnlyUntilItHasAnOutcome() {
        InboundEventLog log = emptyLog();
        long id = log.appendNew(List.of(event("a"))).get(0);

        assertThat(inTransaction(() -> log.lockUnprocessed(List.of(id)))).hasSize(1);
        inTransaction(() -> {
            log.recordOutcomes(List.of(new Outcome(id, InboundEventStatus.MAPPED, List.of("m1", "m2"), List.of("r1"), null,
                    NOW.plus(1, ChronoUnit.SECONDS))));
            return null;
        });

        assertThat(inTransaction(() -> log.lockUnprocessed(List.of(id)))).isEmpty();
        InboundEventRecord record = log.find(id).orElseThrow();
        assertThat(record.status()).isEqualTo(InboundEventStatus.MAPPED);
        assertThat(record.messageIds()).containsExactly("m1", "m2");
        assertThat(record.automationRunIds()).containsExactly("r1");
        assertThat(record.processedAt()).isEqualTo(NOW.plus(1, ChronoUnit.SECONDS));
    }

    @Test
    void locksOnlyTheUnprocessedEventsOfABatchInIdOrder() {
        InboundEventLog log = emptyLog();
        List<Long> ids = log.appendNew(List.of(event("a"), event("b"), event("c")));
        log.recordOutcomes(List.of(new Outcome(ids.get(1), InboundEventStatus.PROCESSED, List.of(), List.of(), null, NOW)));

        List<InboundEventRecord> locked = inTransaction(() -> log.lockUnprocessed(List.of(ids.get(2), ids.get(1), ids.get(0))));

        assertThat(locked).extracting(InboundEventRecord::messageId).containsExactly("a", "c");
    }

    @Test
    void pendingEventsAreTakenOldestFirstAndAFailedAttemptDefersOne() {
        InboundEventLog log = emptyLog();
        List<Long> ids = log.appendNew(List.of(event("a"), event("b"), event("c")));
        inTransaction(() -> {
            log.recordFailedAttempt(ids.get(0), "boom", NOW.plusSeconds(60));
            return null;
        });

        assertThat(log.pendingIds(List.of(), 10, NOW)).containsExactly(ids.get(1), ids.get(2));
        assertThat(inTransaction(() -> log.lockPending(log.takeDueLanes(InboundEventLog.LANES, 0, NOW).taken(), 1, NOW).events()))
                .extracting(InboundEventRecord::messageId).containsExactly("b");
        assertThat(log.pendingIds(List.of(), 10, NOW.plusSeconds(61))).containsExactly(ids.get(0), ids.get(1), ids.get(2));
        assertThat(log.find(ids.get(0)).orElseThrow().attempts()).isEqualTo(1);
        assertThat(log.find(ids.get(0)).orElseThrow().error()).isEqualTo("boom");
    }

    private static NewInboundEvent eventOf(String userId, String messageId) {
        return new NewInboundEvent(messageId, "test", "identify", "identify", userId, Map.of("messageId", messageId), NOW);
    }

    @Test
    void aTurnTakesWholeLanesSoThatEachUsersEventsAreTakenTogetherAndInOrder() {
        InboundEventLog log = emptyLog();
        List<NewInboundEvent> events = new java.util.ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int user = 0; user < 40; user++) {
                events.add(eventOf("user-" + user, "e-" + round + "-" + user));
            }
        }
        log.appendNew(events);

        List<List<InboundEventRecord>> turns = new java.util.ArrayList<>();
        int due = inTransaction(() -> {
            InboundEventLog.LaneTurn first = log.takeDueLanes(4, 0, NOW);
            turns.add(log.lockPending(first.taken(), 1000, NOW).events());
            assertThat(first.taken()).hasSize(4).allMatch(lane -> lane >= 0 && lane < InboundEventLog.LANES);
            return first.due();
        });
        List<Integer> laterLanes = inTransaction(() -> log.takeDueLanes(4, 4, NOW).taken());

        assertThat(due).as("40 users fill more than four lanes").isGreaterThan(4);
        java.util.Map<String, List<String>> taken = new java.util.LinkedHashMap<>();
        turns.get(0).forEach(e -> taken.computeIfAbsent(e.userId(), u -> new java.util.ArrayList<>()).add(e.messageId()));
        assertThat(taken).isNotEmpty().allSatisfy((user, messageIds) -> assertThat(messageIds)
                .as("all of %s's events, oldest first", user)
                .containsExactly("e-0-" + user.substring(5), "e-1-" + user.substring(5), "e-2-" + user.substring(5)));
        assertThat(turns.get(0)).extracting(InboundEventRecord::id).isSorted();
        assertThat(laterLanes).as("starting further on, the next lanes").hasSize(4);
    }

    @Test
    void lanesShareATurnsLimitEachGivingItsOldestAndAFullShareSaysMoreMayBeDue() {
        InboundEventLog log = emptyLog();
        List<NewInboundEvent> events = new java.util.ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (int user = 0; user < 40; user++) {
                events.add(eventOf("user-" + user, "e-" + round + "-" + user));
            }
        }
        log.appendNew(events);

        InboundEventLog.Pending pending = inTransaction(() -> log.lockPending(log.takeDueLanes(2, 0, NOW).taken(), 20, NOW));
        InboundEventLog.Pending all = inTransaction(() -> log.lockPending(log.takeDueLanes(InboundEventLog.LANES, 0, NOW).taken(),
                events.size() * InboundEventLog.LANES, NOW));

        assertThat(pending.events()).as("two busy lanes, ten events each").hasSize(20);
        assertThat(pending.events()).extracting(InboundEventRecord::id).isSorted();
        assertThat(pending.events().stream().map(InboundEventRecord::userId).distinct())
                .allSatisfy(user -> assertThat(pending.events().stream().filter(e -> e.userId().equals(user)))
                        .extracting(InboundEventRecord::messageId).as("%s's oldest first", user).startsWith("e-0-" + user.substring(5)));
        assertThat(pending.moreDue()).isTrue();
        assertThat(all.events()).as("with room for every event, every event").hasSize(events.size());
        assertThat(all.moreDue()).isFalse();
    }

    @Test
    void aUsersEarlierEventsAreFoundAcrossLanesForAnAlias() {
        InboundEventLog log = emptyLog();
        List<Long> ids = log.appendNew(List.of(eventOf("visitor", "v1"), eventOf("someone", "s1"), eventOf("visitor", "v2"),
                eventOf("user", "alias"), eventOf("visitor", "v3")));

        List<InboundEventRecord> earlier = inTransaction(() -> {
            assertThat(log.tryTakeLaneOf("visitor")).isTrue();
            return log.lockPendingOf("visitor", ids.get(3), NOW);
        });

        assertThat(earlier).extracting(InboundEventRecord::messageId).containsExactly("v1", "v2");
        assertThat(inTransaction(() -> log.tryTakeLanesOf(ids))).isTrue();
    }

    @Test
    void listsNewestFirstWithAStatusFilterAndACursor() {
        InboundEventLog log = emptyLog();
        List<Long> ids = log.appendNew(List.of(event("a"), event("b"), event("c"), event("d")));
        log.recordOutcomes(List.of(
                new Outcome(ids.get(1), InboundEventStatus.UNMAPPED, List.of(), List.of(), null, NOW),
                new Outcome(ids.get(3), InboundEventStatus.UNMAPPED, List.of(), List.of(), null, NOW)));

        Page<InboundEventRecord> unmapped = log.list(Optional.of(InboundEventStatus.UNMAPPED), Optional.empty(), 10);
        Page<InboundEventRecord> firstPage = log.list(Optional.empty(), Optional.empty(), 3);
        Page<InboundEventRecord> secondPage = log.list(Optional.empty(), firstPage.cursor(), 3);

        assertThat(unmapped.items()).extracting(InboundEventRecord::messageId).containsExactly("d", "b");
        assertThat(firstPage.items()).extracting(InboundEventRecord::messageId).containsExactly("d", "c", "b");
        assertThat(firstPage.hasMore()).isTrue();
        assertThat(secondPage.items()).extracting(InboundEventRecord::messageId).containsExactly("a");
        assertThat(secondPage.hasMore()).isFalse();
    }

    @Test
    void aUsersRecentEventsAreThoseAmongTheLastReceivedNewestFirst() {
        InboundEventLog log = emptyLog();
        log.appendNew(List.of(ofUser("a", "ada"), ofUser("b", "kim"), ofUser("c", "ada"), ofUser("d", "kim"), ofUser("e", "ada")));

        assertThat(log.recentOf("ada", 10, 10)).extracting(InboundEventRecord::messageId).containsExactly("e", "c", "a");
        assertThat(log.recentOf("ada", 10, 2)).extracting(InboundEventRecord::messageId).containsExactly("e", "c");
        assertThat(log.recentOf("ada", 3, 10)).as("only among the three received last").extracting(InboundEventRecord::messageId)
                .containsExactly("e", "c");
        assertThat(log.recentOf("nobody", 10, 10)).isEmpty();
    }

    private static NewInboundEvent ofUser(String messageId, String userId) {
        return new NewInboundEvent(messageId, "test", "track", "track/E", userId, Map.of("messageId", messageId), NOW);
    }

    @Test
    void aCursorTheLogDidNotIssueIsRefusedNamingIt() {
        InboundEventLog log = emptyLog();
        log.appendNew(List.of(event("a")));

        assertThatThrownBy(() -> log.list(Optional.empty(), Optional.of("garbage!"), 10)).isInstanceOf(InvalidValueException.class)
                .hasMessage("cursor 'garbage!' is not a cursor Herald issued");
    }
}
