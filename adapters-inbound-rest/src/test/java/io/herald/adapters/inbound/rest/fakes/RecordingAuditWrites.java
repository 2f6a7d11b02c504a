package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.in.AuditWritesUseCase;
import io.herald.domain.audit.AuditEvent;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what it is asked to record, numbered from 1, and lists it newest first. */
@Singleton
public class RecordingAuditWrites extends RecordingFake implements AuditWritesUseCase {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    private final List<AuditEvent> recorded = new CopyOnWriteArrayList<>();

    @Override
    public AuditEvent record(String actor, String source, String type, String target) {
        called("record", actor, source, type, target);
        AuditEvent event = new AuditEvent(Integer.toString(recorded.size() + 1), actor, source, type, target, AT.plusSeconds(recorded.size()));
        recorded.add(event);
        return event;
    }

    @Override
    public Optional<AuditEvent> find(String auditEventId) {
        return recorded.stream().filter(event -> event.id().equals(auditEventId)).findFirst();
    }

    @Override
    public Page<AuditEvent> list(Optional<String> cursor, int limit) {
        called("list", cursor, limit);
        List<AuditEvent> newest = new java.util.ArrayList<>(recorded);
        java.util.Collections.reverse(newest);
        return new Page<>(newest.subList(0, Math.min(limit, newest.size())), newest.size() > limit ? "more" : null);
    }

    public List<AuditEvent> recorded() {
        return List.copyOf(recorded);
    }

    @Override
    protected void forgetAnswers() {
        recorded.clear();
    }
}
