package io.herald.application.inbound;

import io.herald.application.port.in.ProcessInboundEventUseCase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The drain over a scripted log of pending events: chunk by chunk, and one by one around an event that fails. */
class InboundDriverTest {

    /**
     * Pending events in order, processed as the real use case does: a chunk is one transaction, so a failure in it
     * processes none of it; a failed attempt makes the event due later (here: no longer pending now).
     */
    private static final class ScriptedProcessing implements ProcessInboundEventUseCase {

        final List<Long> pending = new ArrayList<>();
        final Set<Long> failing;
        final List<Long> processed = new ArrayList<>();
        final Map<Long, String> failedAttempts = new LinkedHashMap<>();
        final List<Integer> chunkCalls = new ArrayList<>();

        ScriptedProcessing(int events, Set<Long> failing) {
            LongStream.rangeClosed(1, events).forEach(pending::add);
            this.failing = failing;
        }

        @Override
        public int processPending(int limit) {
            chunkCalls.add(limit);
            List<Long> chunk = pendingIds(limit);
            chunk.stream().filter(failing::contains).findFirst().ifPresent(id -> {
                throw new IllegalStateException("event " + id + " cannot be processed");
            });
            pending.removeAll(chunk);
            processed.addAll(chunk);
            return chunk.size();
        }

        @Override
        public List<Long> pendingIds(int limit) {
            return List.copyOf(pending.subList(0, Math.min(limit, pending.size())));
        }

        @Override
        public void process(List<Long> inboundEventIds) {
            for (long id : inboundEventIds) {
                if (failing.contains(id)) {
                    throw new IllegalStateException("event " + id + " cannot be processed");
                }
                pending.remove(id);
                processed.add(id);
            }
        }

        @Override
        public void recordFailedAttempt(long inboundEventId, String reason) {
            failedAttempts.put(inboundEventId, reason);
            pending.remove(inboundEventId);
        }
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
