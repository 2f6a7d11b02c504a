package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.domain.audit.AuditEvent;

import java.util.Optional;

/** The audit trail of writes made through the API (Courier's {@code /audit-events}). */
public interface AuditWritesUseCase {

    /** Records a completed write, stamped now. */
    AuditEvent record(String actor, String source, String type, String target);

    Optional<AuditEvent> find(String auditEventId);

    /** Newest first. */
    Page<AuditEvent> list(Optional<String> cursor, int limit);
}
