package io.herald.application.inbound;

import io.herald.application.port.in.ProcessInboundEventUseCase;
import io.herald.application.port.in.ProcessInboundEventUseCase.Turn;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The drain over scripted turns: turn by turn while events are due, and one by one around an event that fails. */
class InboundDriverTest {

    /**
     * Pending events in order, in two lanes (odd and even ids), processed as the real use case does: a turn is one
     * transaction, so a failure in it processes none of it and names its lanes; a failed attempt makes the event
     * due later (here: no longer pending now).
     */
    private static final class ScriptedProcessing implements ProcessInboundEventUseCase {

        final List<Long> pending = new ArrayList<>();
        final Set<Long> failing;
        final List<Long> processed = new ArrayList<>();
        final Map<Long, String> failedAttempts = new LinkedHashMap<>();
        final List<Integer> chunkCalls = new ArrayList<>();
        final List<List<Integer>> oneByOneLanes = new ArrayList<>();

        ScriptedProcessing(int events, Set<Long> failing) {
            LongStream.rangeClosed(1, events).forEach(pending::add);
            this.failing = failing;
        }

        static int laneOf(long id) {
            return (int) (id % 2);
        }

        @Override
        public Turn processPending(int limit) {
            chunkCalls.add(limit);
            List<Long> chunk = List.copyOf(pending.subList(0, Math.min(limit, pending.size())));
            chunk.stream().filter(failing::contains).findFirst().ifPresent(id -> {
                throw new TurnFailed(chunk.stream().map(ScriptedProcessing::laneOf).distinct().sorted().toList(),
                        new IllegalStateException("event " + id + " cannot be processed"));
            });
            pending.removeAll(chunk);
            processed.addAll(chunk);
            return new Turn(chunk.size(), chunk.size() == limit);
        }

        @Override
        public List<Long> pendingIds(List<Integer> lanes, int limit) {
            oneByOneLanes.add(lanes);
            return pending.stream().filter(id -> lanes.isEmpty() || lanes.contains(laneOf(id))).limit(limit).toList();
        }

        @Override
        public int process(List<Long> inboundEventIds) {
            for (long id : inboundEventIds) {
                if (failing.contains(id)) {
                    throw new IllegalStateException("event " + id + " cannot be processed");
                }
                pending.remove(id);
                processed.add(id);
            }
            return inboundEventIds.size();
        }

        @Override
        public void recordFailedAttempt(long inboundEventId, String reason) {
            failedAttempts.put(inboundEventId, reason);
            pending.remove(inboundEventId);
        }
    }

    /** Turns answered from a script, for what the driver does with what a turn says. */
    private static final class ScriptedTurns implements ProcessInboundEventUseCase {

        final Deque<Turn> turns;
        int calls;

        ScriptedTurns(Turn... turns) {
            this.turns = new ArrayDeque<>(List.of(turns));
        }

        @Override
        public Turn processPending(int limit) {
            calls++;
            return turns.isEmpty() ? Turn.NOTHING : turns.pop();
        }

        @Override
        public List<Long> pendingIds(List<Integer> lanes, int limit) {
            return List.of();
        }

        @Override
        public int process(List<Long> inboundEventIds) {
            return 0;
        }

        @Override
        public void recordFailedAttempt(long inboundEventId, String reason) {
            throw new AssertionError("no event fails here");
        }
    }

    @Test
    void aShortTurnThatLeftLanesWithWorkIsFollowedByAnother() {
        ScriptedTurns processing = new ScriptedTurns(new Turn(3, true), new Turn(2, false), new Turn(5, true));

        new InboundDriver(processing, 100).drainPending();

        assertThat(processing.calls).isEqualTo(2);
    }

    @Test
    void aFullTurnSaysThereIsABacklogSoThatAnotherThreadCanHelp() {
        ScriptedTurns processing = new ScriptedTurns(new Turn(100, true), new Turn(100, true), new Turn(40, false));
        int[] backlogSignals = new int[1];

        new InboundDriver(processing, 100).drainPending(() -> backlogSignals[0]++);

        assertThat(processing.calls).isEqualTo(3);
        assertThat(backlogSignals[0]).as("once per full turn").isEqualTo(2);
    }

    @Test
    void whenOtherTurnsHoldEveryLaneWithWorkTheDriverStopsInsteadOfSpinning() {
        ScriptedTurns processing = new ScriptedTurns(new Turn(0, true), new Turn(5, true));

        new InboundDriver(processing, 100).drainPending();

        assertThat(processing.calls).isEqualTo(1);
    }

    @Test
    void aTurnThatFailsIsRetriedOneByOneWithinItsOwnLanes() {
        ScriptedProcessing processing = new ScriptedProcessing(6, Set.of(4L));

        new InboundDriver(processing, 3).drainPending();

        assertThat(processing.oneByOneLanes).containsExactly(List.of(0, 1));
        assertThat(processing.failedAttempts).containsOnlyKeys(4L);
    }

    @Test
    void pendingEventsAreProcessedChunkByChunkUntilAChunkComesBackShort() {
        ScriptedProcessing processing = new ScriptedProcessing(7, Set.of());

        new InboundDriver(processing, 3).drainPending();

        assertThat(processing.processed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(processing.chunkCalls).containsExactly(3, 3, 3);
        assertThat(processing.failedAttempts).isEmpty();
    }

    @Test
    void withNothingPendingOneLookIsAll() {
        ScriptedProcessing processing = new ScriptedProcessing(0, Set.of());

        new InboundDriver(processing, 100).drainPending();

        assertThat(processing.chunkCalls).containsExactly(100);
    }

    @Test
    void aChunkThatFailsIsProcessedOneByOneAndOnlyTheFailingEventHasItsAttemptCounted() {
        ScriptedProcessing processing = new ScriptedProcessing(8, Set.of(2L));

        new InboundDriver(processing, 3).drainPending();

        assertThat(processing.processed).as("every other event, in order, the ones after the failing chunk included")
                .containsExactly(1L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(processing.failedAttempts).containsOnlyKeys(2L);
        assertThat(processing.failedAttempts.get(2L)).contains("event 2 cannot be processed");
        assertThat(processing.pending).isEmpty();
    }

    @Test
    void severalFailingEventsInOneChunkEachHaveTheirAttemptCounted() {
        ScriptedProcessing processing = new ScriptedProcessing(4, Set.of(1L, 3L));

        new InboundDriver(processing, 10).drainPending();

        assertThat(processing.processed).containsExactly(2L, 4L);
        assertThat(processing.failedAttempts).containsOnlyKeys(1L, 3L);
    }
}
