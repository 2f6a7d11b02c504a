package io.herald.adapters.inbound.rest.audit;

import io.herald.adapters.inbound.rest.json.Paging;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.AuditWritesUseCase;
import io.herald.domain.audit.AuditEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Courier's audit events: the writes made through the API, newest first. */
@Tag(name = "Audit events")
@Controller("/audit-events")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditEventsController {

    private final AuditWritesUseCase audit;

    AuditEventsController(AuditWritesUseCase audit) {
        this.audit = audit;
    }

    @Get
    Map<String, Object> list(@Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return Paging.of(audit.list(Optional.ofNullable(cursor), Paging.limit(limit)), "results", AuditEventsController::view);
    }

    @Get("/{audit_event_id}")
    Map<String, Object> get(@PathVariable("audit_event_id") String auditEventId) {
        return audit.find(auditEventId).map(AuditEventsController::view)
                .orElseThrow(() -> new NotFoundException("No audit event '" + auditEventId + "'"));
    }

    /** Courier's {@code AuditEvent}. */
    static Map<String, Object> view(AuditEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("auditEventId", event.id());
        body.put("actor", Map.of("id", event.actor()));
        body.put("source", event.source());
        body.put("target", event.target());
        body.put("timestamp", event.at().toString());
        body.put("type", event.type());
        return body;
    }
}
