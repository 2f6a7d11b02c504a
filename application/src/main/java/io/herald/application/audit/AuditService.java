package io.herald.application.audit;

import io.herald.application.port.Page;
import io.herald.application.port.in.AuditWritesUseCase;
import io.herald.application.port.out.AuditLog;
import io.herald.application.port.out.Clock;
import io.herald.domain.audit.AuditEvent;

import java.util.Optional;

public final class AuditService implements AuditWritesUseCase {

    private final AuditLog log;
    private final Clock clock;

    public AuditService(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public AuditEvent record(String actor, String source, String type, String target) {
        return log.append(AuditEvent.of(actor, source, type, target, clock.now()));
    }

    @Override
    public Optional<AuditEvent> find(String auditEventId) {
        return log.find(auditEventId);
    }

    @Override
    public Page<AuditEvent> list(Optional<String> cursor, int limit) {
        return log.list(cursor, limit);
    }
}
