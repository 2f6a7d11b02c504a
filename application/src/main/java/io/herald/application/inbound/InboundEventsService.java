package io.herald.application.inbound;

import io.herald.application.errors.ConflictException;
import io.herald.application.port.Page;
import io.herald.application.port.in.IngestSegmentEventsCommand;
import io.herald.application.port.in.ListInboundEventsQuery;
import io.herald.application.port.in.ListInboundEventsUseCase;
import io.herald.application.port.in.TrackInboundEventCommand;
import io.herald.application.port.in.TrackInboundEventUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.InboundEventLog.InboundEventRecord;
import io.herald.application.port.out.InboundEventLog.NewInboundEvent;
import io.herald.domain.inbound.SegmentEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The acknowledgement path: store the events and schedule their processing in one transaction, nothing more,
 * so the caller's 2xx waits only for one commit.
 */
public final class InboundEventsService implements InboundEventWriter, TrackInboundEventUseCase, ListInboundEventsUseCase {

    public static final String COURIER_SOURCE = "courier";

    private final InboundEventLog log;
    private final DurableScheduler scheduler;
    private final Clock clock;

    public InboundEventsService(InboundEventLog log, DurableScheduler scheduler, Clock clock) {
        this.log = log;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void ingestAll(List<IngestSegmentEventsCommand> commands) {
        Instant now = clock.now();
        List<NewInboundEvent> events = new ArrayList<>();
        for (IngestSegmentEventsCommand command : commands) {
            for (SegmentEvent event : command.events()) {
                Map<String, Object> payload = new LinkedHashMap<>(event.raw());
                payload.put("type", event.type().wireName());
                String messageId = event.messageId() != null ? event.messageId() : "herald-" + UUID.randomUUID();
                payload.put("messageId", messageId);
                events.add(new NewInboundEvent(messageId, command.source(), event.type().wireName(), event.logName(),
                        event.recipient().value(), payload, now));
            }
        }
        if (!log.appendNew(events).isEmpty()) {
            scheduler.inboundEventsStored();
        }
    }

    @Override
    public String track(TrackInboundEventCommand command) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "track");
        payload.put("event", command.event());
        payload.put("messageId", command.messageId());
        payload.put("properties", command.properties());
        command.userId().ifPresent(userId -> payload.put("userId", userId.value()));
        List<Long> appended = log.appendNew(List.of(new NewInboundEvent(command.messageId(), COURIER_SOURCE, "track",
                "track/" + command.event(), command.userId().map(Object::toString).orElse(null), payload, clock.now())));
        if (appended.isEmpty()) {
            throw new ConflictException("An event with messageId '" + command.messageId() + "' was already received");
        }
        scheduler.inboundEventsStored();
        return command.messageId();
    }

    @Override
    public Page<InboundEventRecord> list(ListInboundEventsQuery query) {
        return log.list(query.status(), query.cursor(), query.limit());
    }

    @Override
    public List<InboundEventRecord> recentOf(String userId, int limit) {
        return log.recentOf(userId, RECENT_EVENTS_LOOKED_AT, limit);
    }
}
