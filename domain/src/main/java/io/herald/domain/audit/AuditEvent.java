package io.herald.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A write made through the API, as Courier's audit events report it: who made it ({@code actor}: an admin key by its
 * fingerprint, never the key, or the user of a client token), through what ({@code source}), the operation
 * ({@code type}: the method and the route, {@code PUT /templates/{template_id}}), on what ({@code target}: the path
 * written to) and when. {@code id} is assigned when it is recorded; ids grow with time.
 */
public record AuditEvent(String id, String actor, String source, String type, String target, Instant at) {

    public AuditEvent {
        Objects.requireNonNull(actor);
        Objects.requireNonNull(source);
        Objects.requireNonNull(type);
        Objects.requireNonNull(target);
        Objects.requireNonNull(at);
    }

    /** A write to record; the log gives it its id. */
    public static AuditEvent of(String actor, String source, String type, String target, Instant at) {
        return new AuditEvent(null, actor, source, type, target, at);
    }
}
