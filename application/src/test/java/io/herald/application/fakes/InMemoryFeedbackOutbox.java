package io.herald.application.fakes;

import io.herald.application.port.out.FeedbackOutbox;
import io.herald.domain.feedback.FeedbackEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** Events are recorded at the time of the system clock, as the database records them at its own. */
public final class InMemoryFeedbackOutbox implements FeedbackOutbox {

    private record Entry(long id, FeedbackEvent event, Instant recordedAt, int attempts, Instant nextAttemptAt, Instant deliveredAt,
                         String lastError) {
    }

    private final Map<Long, Entry> entries = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized void append(List<FeedbackEvent> events) {
        for (FeedbackEvent event : events) {
            boolean known = entries.values().stream().anyMatch(entry -> entry.event().segmentMessageId().equals(event.segmentMessageId()));
            if (!known) {
                long id = ids.incrementAndGet();
                entries.put(id, new Entry(id, event, Instant.now(), 0, null, null, null));
            }
        }
    }

    @Override
    public List<Pending> due(int limit, Instant now) {
        return entries.values().stream()
                .filter(entry -> entry.deliveredAt() == null && (entry.nextAttemptAt() == null || !entry.nextAttemptAt().isAfter(now)))
                .limit(limit).map(entry -> new Pending(entry.id(), entry.event(), entry.attempts())).toList();
    }

    @Override
    public void markDelivered(List<Long> ids, Instant at) {
        update(ids, entry -> new Entry(entry.id(), entry.event(), entry.recordedAt(), entry.attempts(), entry.nextAttemptAt(), at, null));
    }

    @Override
    public void markFailed(List<Long> ids, String error, Instant nextAttemptAt) {
        update(ids, entry -> new Entry(entry.id(), entry.event(), entry.recordedAt(), entry.attempts() + 1, nextAttemptAt,
                entry.deliveredAt(), error));
    }

    @Override
    public Status status() {
        List<Entry> undelivered = entries.values().stream().filter(entry -> entry.deliveredAt() == null).toList();
        long failing = undelivered.stream().filter(entry -> entry.attempts() > 0).count();
        Duration lag = undelivered.stream().map(Entry::recordedAt).min(Instant::compareTo)
                .map(oldest -> Duration.between(oldest, Instant.now())).orElse(Duration.ZERO);
        return new Status(undelivered.size(), failing, lag);
    }

    /** For {@link InMemoryRetentionStore}. */
    synchronized int deleteDeliveredBefore(Instant cutoff, int limit) {
        List<Long> reported = entries.values().stream().filter(entry -> entry.deliveredAt() != null && entry.deliveredAt().isBefore(cutoff))
                .map(Entry::id).limit(limit).toList();
        reported.forEach(entries::remove);
        return reported.size();
    }

    private void update(Collection<Long> ids, UnaryOperator<Entry> change) {
        ids.forEach(id -> entries.computeIfPresent(id, (key, entry) -> change.apply(entry)));
    }
}
