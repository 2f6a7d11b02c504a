package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.out.AuditLog;
import io.herald.domain.audit.AuditEvent;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

public final class InMemoryAuditLog implements AuditLog {

    private final NavigableMap<Long, AuditEvent> events = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public AuditEvent append(AuditEvent event) {
        long id = ids.incrementAndGet();
        AuditEvent stored = new AuditEvent(Long.toString(id), event.actor(), event.source(), event.type(), event.target(), event.at());
        events.put(id, stored);
        return stored;
    }

    @Override
    public Optional<AuditEvent> find(String id) {
        try {
            return Optional.ofNullable(events.get(Long.parseLong(id)));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    @Override
    public int deleteBefore(java.time.Instant cutoff, int limit) {
        List<Long> old = events.values().stream().filter(event -> event.at().isBefore(cutoff)).limit(limit)
                .map(event -> Long.parseLong(event.id())).toList();
        old.forEach(events::remove);
        return old.size();
    }

    @Override
    public Page<AuditEvent> list(Optional<String> cursor, int limit) {
        NavigableMap<Long, AuditEvent> older = cursor.map(c -> events.headMap(Long.parseLong(c), false)).orElse(events);
        List<AuditEvent> found = older.descendingMap().values().stream().limit(limit + 1L).toList();
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        List<AuditEvent> items = found.subList(0, limit);
        return new Page<>(items, items.get(limit - 1).id());
    }
}
