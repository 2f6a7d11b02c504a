package io.herald.application.inbound;

import io.herald.application.inbound.EventTrigger.TrackedEvent;
import io.herald.application.inbound.EventTrigger.Triggered;
import io.herald.application.port.in.ProcessInboundEventUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.InboundEventLog.InboundEventRecord;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.TenantRepository;
import io.herald.domain.inbound.InboundEventStatus;
import io.herald.domain.inbound.SegmentEvent;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies an acknowledged event. The event row is locked first and skipped unless still RECEIVED, so a
 * job that runs again after a crash, or on another instance, changes nothing twice.
 */
public final class ProcessInboundEventService implements ProcessInboundEventUseCase {

    private final InboundEventLog log;
    private final ProfileRepository profiles;
    private final TenantRepository tenants;
    private final List<EventTrigger> triggers;
    private final Clock clock;

    public ProcessInboundEventService(InboundEventLog log, ProfileRepository profiles, TenantRepository tenants,
                                      List<EventTrigger> triggers, Clock clock) {
        this.log = log;
        this.profiles = profiles;
        this.tenants = tenants;
        this.triggers = List.copyOf(triggers);
        this.clock = clock;
    }

    @Override
    public void process(long inboundEventId) {
        Optional<InboundEventRecord> locked = log.lockUnprocessed(inboundEventId);
        if (locked.isEmpty()) {
            return;
        }
        InboundEventRecord record = locked.get();
        Outcome outcome = InboundEventsService.COURIER_SOURCE.equals(record.source())
                ? applyCourierTrack(record)
                : applySegmentEvent(record, SegmentEvent.parse(record.payload(), null));
        log.recordOutcome(record.id(), outcome.status(), outcome.ids(Triggered.Kind.MESSAGE),
                outcome.ids(Triggered.Kind.AUTOMATION_RUN), null, clock.now());
    }

    @Override
    public void recordFailure(long inboundEventId, String reason) {
        if (log.lockUnprocessed(inboundEventId).isPresent()) {
            log.recordOutcome(inboundEventId, InboundEventStatus.FAILED, List.of(), List.of(), reason, clock.now());
        }
    }

    private Outcome applySegmentEvent(InboundEventRecord record, SegmentEvent event) {
        Instant activeAt = event.occurredAt().filter(at -> at.isBefore(record.receivedAt())).orElse(record.receivedAt());
        Profile profile = profiles.lockOrCreate(event.recipient());
        switch (event.type()) {
            case IDENTIFY -> profile = profile.mergedWith(event.profileChanges());
            case GROUP -> {
                tenants.save(tenants.lockOrCreate(event.groupId()).withTraits(event.traits()));
                tenants.addMember(event.groupId(), event.recipient(), record.receivedAt());
            }
            default -> { }
        }
        profiles.save(profile.activeAt(activeAt));
        if (event.type() != io.herald.domain.inbound.SegmentEventType.TRACK) {
            return new Outcome(InboundEventStatus.PROCESSED, List.of());
        }
        return fire(new TrackedEvent(record.id(), event.event(), Optional.of(event.recipient()), event.properties(),
                record.payload(), activeAt));
    }

    private Outcome applyCourierTrack(InboundEventRecord record) {
        Map<String, Object> payload = record.payload();
        Optional<UserId> userId = Optional.ofNullable((String) payload.get("userId")).map(UserId::of);
        userId.ifPresent(id -> profiles.save(profiles.lockOrCreate(id).activeAt(record.receivedAt())));
        Map<String, Object> properties = payload.get("properties") instanceof Map<?, ?> map ? JsonTrees.asObject(map) : Map.of();
        return fire(new TrackedEvent(record.id(), (String) payload.get("event"), userId, properties, payload,
                record.receivedAt()));
    }

    private Outcome fire(TrackedEvent event) {
        List<Triggered> triggered = new ArrayList<>();
        for (EventTrigger trigger : triggers) {
            triggered.addAll(trigger.fire(event));
        }
        return new Outcome(triggered.isEmpty() ? InboundEventStatus.UNMAPPED : InboundEventStatus.MAPPED, triggered);
    }

    private record Outcome(InboundEventStatus status, List<Triggered> triggered) {

        List<String> ids(Triggered.Kind kind) {
            return triggered.stream().filter(t -> t.kind() == kind).map(Triggered::id).toList();
        }
    }
}
