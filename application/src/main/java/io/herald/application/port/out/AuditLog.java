package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.audit.AuditEvent;

import java.util.Optional;

public interface AuditLog {

    /** Stores the event under a new id, greater than every id given before. */
    AuditEvent append(AuditEvent event);

    Optional<AuditEvent> find(String id);

    /** Deletes up to {@code limit} of the events recorded before {@code cutoff}, oldest first; how many it deleted. */
    int deleteBefore(java.time.Instant cutoff, int limit);

    /** Newest first, a page at a time. */
    Page<AuditEvent> list(Optional<String> cursor, int limit);
}
