package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.out.InboundEventLog;
import io.herald.domain.inbound.InboundEventStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

public final class InMemoryInboundEventLog implements InboundEventLog {

    private final Map<Long, InboundEventRecord> events = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized List<Long> appendNew(List<NewInboundEvent> newEvents) {
        List<Long> appended = new ArrayList<>();
        for (NewInboundEvent event : newEvents) {
            boolean seen = events.values().stream().anyMatch(e -> e.messageId().equals(event.messageId()));
            if (!seen) {
                long id = ids.incrementAndGet();
                events.put(id, new InboundEventRecord(id, event.messageId(), event.source(), event.type(), event.name(),
                        event.userId(), event.payload(), InboundEventStatus.RECEIVED, event.receivedAt(), null,
                        List.of(), List.of(), null));
                appended.add(id);
            }
        }
        return appended;
    }

    @Override
    public Optional<InboundEventRecord> lockUnprocessed(long id) {
        return find(id).filter(e -> e.status() == InboundEventStatus.RECEIVED);
    }

    @Override
    public void recordOutcome(long id, InboundEventStatus status, List<String> messageIds, List<String> automationRunIds,
                              String error, Instant processedAt) {
        events.computeIfPresent(id, (key, e) -> new InboundEventRecord(e.id(), e.messageId(), e.source(), e.type(), e.name(),
                e.userId(), e.payload(), status, e.receivedAt(), processedAt, List.copyOf(messageIds),
                List.copyOf(automationRunIds), error));
    }

    @Override
    public Page<InboundEventRecord> list(Optional<InboundEventStatus> status, Optional<String> cursor, int limit) {
        long before = cursor.map(Long::parseLong).orElse(Long.MAX_VALUE);
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
    public Optional<InboundEventRecord> find(long id) {
        return Optional.ofNullable(events.get(id));
    }
}
