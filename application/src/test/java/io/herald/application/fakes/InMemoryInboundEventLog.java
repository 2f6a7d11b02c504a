package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.in.RedriveUseCase;
import io.herald.application.port.out.InboundEventLog;
import io.herald.domain.inbound.InboundEventStatus;
import io.herald.domain.shared.InvalidValueException;

import java.util.ArrayList;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public final class InMemoryInboundEventLog implements InboundEventLog {

    private final Map<Long, InboundEventRecord> events = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Instant> nextAttempt = new ConcurrentHashMap<>();

    @Override
    public synchronized List<Long> appendNew(List<NewInboundEvent> newEvents) {
        List<Long> appended = new ArrayList<>();
        for (NewInboundEvent event : newEvents) {
            boolean seen = events.values().stream().anyMatch(e -> e.messageId().equals(event.messageId()));
            if (!seen) {
                long id = ids.incrementAndGet();
                events.put(id, new InboundEventRecord(id, event.messageId(), event.source(), event.type(), event.name(),
                        event.userId(), event.payload(), InboundEventStatus.RECEIVED, event.receivedAt(), null,
                        List.of(), List.of(), null, 0));
                nextAttempt.put(id, Instant.MIN);
                appended.add(id);
            }
        }
        return appended;
    }

    /**
     * Lanes another transaction holds, as a test sets them. The PostgreSQL log computes lanes with its own hash;
     * this one with String's: only that one user's events share a lane matters.
     */
    public final Set<Integer> heldElsewhere = ConcurrentHashMap.newKeySet();

    public static int laneOf(String key) {
        return Math.floorMod(key.hashCode(), LANES);
    }

    private static int laneOf(InboundEventRecord event) {
        return laneOf(event.userId() != null ? event.userId() : event.messageId());
    }

    @Override
    public LaneTurn takeDueLanes(int max, int startingAt, Instant now) {
        List<Integer> due = due(now).map(InMemoryInboundEventLog::laneOf).distinct().toList();
        List<Integer> taken = due.stream().filter(lane -> !heldElsewhere.contains(lane))
                .sorted(Comparator.comparingInt(lane -> Math.floorMod(lane - startingAt, LANES))).limit(max).toList();
        return new LaneTurn(taken, due.size());
    }

    @Override
    public boolean tryTakeLanesOf(List<Long> ids) {
        return ids.stream().map(events::get).filter(Objects::nonNull).map(InMemoryInboundEventLog::laneOf).noneMatch(heldElsewhere::contains);
    }

    @Override
    public boolean tryTakeLaneOf(String userId) {
        return !heldElsewhere.contains(laneOf(userId));
    }

    @Override
    public Pending lockPending(List<Integer> lanes, int limit, Instant now) {
        int share = Math.max(1, (limit + lanes.size() - 1) / lanes.size());
        Map<Integer, List<InboundEventRecord>> byLane = due(now).filter(e -> lanes.contains(laneOf(e)))
                .collect(Collectors.groupingBy(InMemoryInboundEventLog::laneOf));
        boolean moreDue = byLane.values().stream().anyMatch(events -> events.size() >= share);
        List<InboundEventRecord> taken = byLane.values().stream().flatMap(events -> events.stream().limit(share))
                .sorted(Comparator.comparingLong(InboundEventRecord::id)).limit(limit).toList();
        return new Pending(taken, moreDue);
    }

    @Override
    public List<InboundEventRecord> lockPendingOf(String userId, long beforeId, Instant now) {
        return due(now).filter(e -> userId.equals(e.userId()) && e.id() < beforeId).toList();
    }

    @Override
    public List<Long> pendingIds(List<Integer> lanes, int limit, Instant now) {
        return due(now).filter(e -> lanes.isEmpty() || lanes.contains(laneOf(e))).map(InboundEventRecord::id).limit(limit).toList();
    }

    /** Pending events whose next attempt is due, oldest first. */
    private Stream<InboundEventRecord> due(Instant now) {
        return events.values().stream()
                .filter(e -> e.status() == InboundEventStatus.RECEIVED && !nextAttempt.get(e.id()).isAfter(now))
                .sorted(Comparator.comparingLong(InboundEventRecord::id));
    }

    @Override
    public void recordFailedAttempt(long id, String error, Instant nextAttemptAt) {
        events.computeIfPresent(id, (key, e) -> new InboundEventRecord(e.id(), e.messageId(), e.source(), e.type(), e.name(),
                e.userId(), e.payload(), e.status(), e.receivedAt(), e.processedAt(), e.messageIds(), e.automationRunIds(),
                error, e.attempts() + 1));
        nextAttempt.put(id, nextAttemptAt);
    }

    @Override
    public synchronized int redriveFailed(RedriveUseCase.Window received, Optional<String> type, Instant now, int limit) {
        List<InboundEventRecord> failed = events.values().stream()
                .filter(e -> e.status() == InboundEventStatus.FAILED && type.map(e.type()::equals).orElse(true)
                        && received.from().map(from -> !e.receivedAt().isBefore(from)).orElse(true)
                        && received.to().map(to -> e.receivedAt().isBefore(to)).orElse(true))
                .sorted(Comparator.comparingLong(InboundEventRecord::id)).limit(limit).toList();
        for (InboundEventRecord e : failed) {
            events.put(e.id(), new InboundEventRecord(e.id(), e.messageId(), e.source(), e.type(), e.name(), e.userId(), e.payload(),
                    InboundEventStatus.RECEIVED, e.receivedAt(), null, e.messageIds(), e.automationRunIds(), null, 0));
            nextAttempt.put(e.id(), now);
        }
        return failed.size();
    }

    @Override
    public List<InboundEventRecord> lockUnprocessed(List<Long> ids) {
        return ids.stream().sorted().map(events::get)
                .filter(e -> e != null && e.status() == InboundEventStatus.RECEIVED).toList();
    }

    @Override
    public void recordOutcomes(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            events.computeIfPresent(o.id(), (key, e) -> new InboundEventRecord(e.id(), e.messageId(), e.source(), e.type(),
                    e.name(), e.userId(), e.payload(), o.status(), e.receivedAt(), o.processedAt(), List.copyOf(o.messageIds()),
                    List.copyOf(o.automationRunIds()), o.error(), e.attempts()));
        }
    }

    @Override
    public Page<InboundEventRecord> list(Optional<InboundEventStatus> status, Optional<String> cursor, int limit) {
        long before = cursor.map(InMemoryInboundEventLog::position).orElse(Long.MAX_VALUE);
        List<InboundEventRecord> matching = events.values().stream()
                .filter(e -> e.id() < before && status.map(s -> s == e.status()).orElse(true))
                .sorted(Comparator.comparingLong(InboundEventRecord::id).reversed())
                .toList();
        if (matching.size() <= limit) {
            return new Page<>(matching, null);
        }
        List<InboundEventRecord> items = matching.subList(0, limit);
        return new Page<>(items, Long.toString(items.get(limit - 1).id()));
    }

    @Override
    public synchronized List<InboundEventRecord> recentOf(String userId, int among, int limit) {
        return events.values().stream().sorted(Comparator.comparingLong(InboundEventRecord::id).reversed()).limit(among)
                .filter(event -> userId.equals(event.userId())).limit(limit).toList();
    }

    /** Refuses a cursor this log did not issue, as the PostgreSQL log does. */
    private static long position(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("cursor '" + cursor + "' is not a cursor Herald issued");
        }
    }

    @Override
    public Optional<InboundEventRecord> find(long id) {
        return Optional.ofNullable(events.get(id));
    }

    /** For {@link InMemoryRetentionStore}: events received before {@code cutoff} that are no longer pending. */
    synchronized int deleteProcessedBefore(Instant cutoff, int limit) {
        List<Long> old = events.values().stream()
                .filter(e -> e.receivedAt().isBefore(cutoff) && e.status() != InboundEventStatus.RECEIVED)
                .map(InboundEventRecord::id).limit(limit).toList();
        old.forEach(id -> {
            events.remove(id);
            nextAttempt.remove(id);
        });
        return old.size();
    }
}
