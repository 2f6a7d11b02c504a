package io.herald.application.inbound;

import io.herald.domain.delivery.Backoff;
import io.herald.application.inbound.EventTrigger.TrackedEvent;
import io.herald.application.inbound.EventTrigger.Triggered;
import io.herald.application.port.in.ProcessInboundEventUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.InboundEventLog.InboundEventRecord;
import io.herald.application.port.out.InboundEventLog.LaneTurn;
import io.herald.application.port.out.InboundEventLog.Outcome;
import io.herald.application.port.out.IdentityMerger;
import io.herald.application.port.out.OperationalMetrics;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.support.LogSafe;
import io.herald.application.port.out.TenantRepository;
import io.herald.domain.inbound.InboundEventStatus;
import io.herald.domain.inbound.SegmentEvent;
import io.herald.domain.inbound.SegmentEventType;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.tenant.Tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies acknowledged events, a turn of lanes at a time (ADR 0013). The events are locked first and skipped unless
 * still RECEIVED, so work that runs again after a crash, or on another instance, changes nothing twice. A turn
 * loads and saves its profiles together: a few statements per turn rather than a few per event.
 */
public final class ProcessInboundEventService implements ProcessInboundEventUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessInboundEventService.class);

    /** Attempts before an event that keeps failing is set aside as FAILED (about half an hour of retries). */
    static final int MAX_ATTEMPTS = 12;
    /**
     * Lanes one turn takes at most while there is a backlog, so that up to four turns run in parallel across threads
     * and instances. Without one, a turn takes every free lane with work: one transaction covers them all.
     */
    static final int LANES_PER_TURN_WITH_BACKLOG = InboundEventLog.LANES / 4;
    private static final Backoff BACKOFF = new Backoff(java.time.Duration.ofSeconds(2), java.time.Duration.ofMinutes(10));

    private final InboundEventLog log;
    private final ProfileRepository profiles;
    private final TenantRepository tenants;
    private final List<EventTrigger> triggers;
    private final OperationalMetrics metrics;
    private final IdentityMerger identities;
    private final Clock clock;
    /** Whether this instance's last turn was full; a backlog is shared out in smaller turns. */
    private volatile boolean backlogged;
    /**
     * Where this instance's next turn starts looking, so that its turns (and threads) spread over the lanes; it
     * starts at random, so that instances started together do not all try the same lanes first.
     */
    private final AtomicInteger rotation = new AtomicInteger(ThreadLocalRandom.current().nextInt(InboundEventLog.LANES));

    public ProcessInboundEventService(InboundEventLog log, ProfileRepository profiles, TenantRepository tenants,
                                      List<EventTrigger> triggers, OperationalMetrics metrics, IdentityMerger identities, Clock clock) {
        this.log = log;
        this.profiles = profiles;
        this.tenants = tenants;
        this.triggers = List.copyOf(triggers);
        this.metrics = metrics;
        this.identities = identities;
        this.clock = clock;
    }

    @Override
    public Turn processPending(int limit) {
        Instant now = clock.now();
        int lanes = backlogged ? LANES_PER_TURN_WITH_BACKLOG : InboundEventLog.LANES;
        LaneTurn turn = log.takeDueLanes(lanes, rotation.getAndAdd(LANES_PER_TURN_WITH_BACKLOG), now);
        if (turn.taken().isEmpty()) {
            return Turn.NOTHING;
        }
        List<InboundEventRecord> records;
        List<InboundEventRecord> applied;
        boolean laneFilled;
        try {
            InboundEventLog.Pending pending = log.lockPending(turn.taken(), limit, now);
            records = pending.events();
            laneFilled = pending.moreDue();
            applied = withAliasedEventsFirst(records, now);
            apply(applied);
        } catch (RuntimeException failure) {
            throw new TurnFailed(turn.taken(), failure);
        }
        boolean cutShort = applied.size() < records.size();
        backlogged = records.size() >= limit;
        return new Turn(applied.size(), laneFilled || turn.due() > turn.taken().size() || cutShort);
    }

    @Override
    public List<Long> pendingIds(List<Integer> lanes, int limit) {
        return log.pendingIds(lanes, limit, clock.now());
    }

    @Override
    public int process(List<Long> inboundEventIds) {
        if (!log.tryTakeLanesOf(inboundEventIds)) {
            return 0;
        }
        List<InboundEventRecord> records = withAliasedEventsFirst(log.lockUnprocessed(inboundEventIds), clock.now());
        apply(records);
        return records.size();
    }

    /**
     * An alias moves a visitor's profile into a user's; the visitor's events may be in another lane. Their events
     * acknowledged before the alias are applied first, in this transaction, with that lane's turn taken too;
     * when another transaction holds it, this turn stops before the alias (it is taken again on a later turn),
     * so both identities' events stay in order.
     */
    private List<InboundEventRecord> withAliasedEventsFirst(List<InboundEventRecord> records, Instant now) {
        Map<Long, InboundEventRecord> merged = null;
        for (int i = 0; i < records.size(); i++) {
            InboundEventRecord record = records.get(i);
            if (!(SegmentEventType.ALIAS.wireName().equals(record.type()) && record.payload().get("previousId") instanceof String from)
                    || from.equals(record.userId())) {
                continue;
            }
            if (!log.tryTakeLaneOf(from)) {
                List<InboundEventRecord> before = merged == null ? records.subList(0, i)
                        : merged.values().stream().filter(r -> r.id() < record.id()).toList();
                return List.copyOf(before);
            }
            if (merged == null) {
                merged = new TreeMap<>();
                for (InboundEventRecord r : records) {
                    merged.put(r.id(), r);
                }
            }
            for (InboundEventRecord earlier : log.lockPendingOf(from, record.id(), now)) {
                merged.putIfAbsent(earlier.id(), earlier);
            }
        }
        return merged == null ? records : List.copyOf(merged.values());
    }

    @Override
    public void recordFailedAttempt(long inboundEventId, String reason) {
        for (InboundEventRecord record : log.lockUnprocessed(List.of(inboundEventId))) {
            int attempts = record.attempts() + 1;
            if (attempts >= MAX_ATTEMPTS) {
                Outcome failed = new Outcome(record.id(), InboundEventStatus.FAILED, List.of(), List.of(),
                        "gave up after " + attempts + " attempts: " + reason, clock.now());
                log.recordOutcomes(List.of(failed));
                report(record, failed);
            } else {
                log.recordFailedAttempt(record.id(), reason, clock.now().plus(BACKOFF.delay(attempts)));
            }
        }
    }

    private void apply(List<InboundEventRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<Long, Object> parsed = new HashMap<>();
        Set<UserId> recipients = new LinkedHashSet<>();
        for (InboundEventRecord record : records) {
            try {
                Inbound event = read(record);
                parsed.put(record.id(), event);
                event.recipient().ifPresent(recipients::add);
            } catch (InvalidValueException unprocessable) {
                parsed.put(record.id(), unprocessable);
            }
        }
        Set<String> trackNames = new LinkedHashSet<>();
        parsed.values().forEach(event -> {
            if (event instanceof Inbound inbound && inbound.isTrack() && inbound.trackName() != null) {
                trackNames.add(inbound.trackName());
            }
        });
        List<EventTrigger.Batch> firing = trackNames.isEmpty() ? List.of()
                : triggers.stream().map(trigger -> trigger.forEvents(trackNames)).toList();
        Map<UserId, Profile> loaded = profiles.lockOrCreateAll(recipients);
        // Tenants are locked up front in one order: turns of other lanes may lock the same tenants.
        Map<String, Tenant> groups = new TreeMap<>();
        parsed.values().forEach(event -> {
            if (event instanceof Inbound inbound && inbound.segment() != null && inbound.segment().type() == SegmentEventType.GROUP) {
                groups.put(inbound.segment().groupId(), null);
            }
        });
        groups.replaceAll((groupId, unlocked) -> tenants.lockOrCreate(groupId));
        Map<UserId, Profile> changed = new LinkedHashMap<>();
        List<UserId[]> aliases = new ArrayList<>();
        Instant now = clock.now();
        List<Outcome> outcomes = new ArrayList<>(records.size());
        for (InboundEventRecord record : records) {
            Object event = parsed.get(record.id());
            if (event instanceof InvalidValueException unprocessable) {
                outcomes.add(new Outcome(record.id(), InboundEventStatus.FAILED, List.of(), List.of(), unprocessable.getMessage(), now));
                continue;
            }
            Inbound inbound = (Inbound) event;
            inbound.recipient().ifPresent(recipient -> {
                Profile updated = inbound.applyTo(changed.getOrDefault(recipient, loaded.get(recipient)));
                changed.put(recipient, updated);
            });
            if (inbound.segment() != null && inbound.segment().type() == SegmentEventType.ALIAS) {
                UserId from = UserId.of(inbound.segment().previousId());
                UserId into = inbound.segment().recipient();
                if (!from.equals(into)) {
                    // The visitor's traits under the user's own: what the user said of themselves wins.
                    Optional<Profile> visitor = Optional.ofNullable(changed.get(from)).or(() -> profiles.find(from));
                    visitor.ifPresent(anonymous -> changed.put(into, changed.get(into).replacedBy(
                            JsonTrees.deepMerge(anonymous.attributes(), changed.get(into).attributes()))));
                    changed.remove(from);
                    aliases.add(new UserId[] {from, into});
                }
            }
            if (inbound.segment() != null && inbound.segment().type() == SegmentEventType.GROUP) {
                SegmentEvent group = inbound.segment();
                Tenant tenant = groups.get(group.groupId()).withTraits(group.traits());
                tenants.save(tenant);
                groups.put(group.groupId(), tenant);
                tenants.addMember(group.groupId(), group.recipient(), record.receivedAt());
            }
            Optional<Profile> profile = inbound.recipient().map(changed::get);
            outcomes.add(inbound.isTrack() ? fire(firing, record, inbound, profile, now) : new Outcome(record.id(), InboundEventStatus.PROCESSED,
                    List.of(), List.of(), null, now));
        }
        profiles.saveAll(changed.values());
        aliases.forEach(alias -> identities.moveInto(alias[0], alias[1]));
        log.recordOutcomes(outcomes);
        for (int i = 0; i < records.size(); i++) {
            report(records.get(i), outcomes.get(i));
        }
    }

    /** Counts the outcome; an event set aside as FAILED is said at WARN (re-drive it with POST /inbound/events/redrive). */
    private void report(InboundEventRecord record, Outcome outcome) {
        metrics.inboundEvent(record.type(), outcome.status().name());
        if (outcome.status() == InboundEventStatus.FAILED) {
            LOG.warn("Inbound event {} ({} {}) FAILED: {}", record.id(), record.type(), record.name(), LogSafe.redact(outcome.error()));
        }
    }

    private static Outcome fire(List<EventTrigger.Batch> firing, InboundEventRecord record, Inbound inbound, Optional<Profile> profile,
                                Instant now) {
        TrackedEvent tracked = new TrackedEvent(record.id(), inbound.trackName(), inbound.recipient(), profile,
                inbound.properties(), record.payload(), inbound.activeAt());
        List<Triggered> triggered = new ArrayList<>();
        for (EventTrigger.Batch trigger : firing) {
            triggered.addAll(trigger.fire(tracked));
        }
        List<String> messages = ids(triggered, Triggered.Kind.MESSAGE);
        List<String> runs = ids(triggered, Triggered.Kind.AUTOMATION_RUN);
        List<String> heldBack = triggered.stream().filter(t -> t.kind() == Triggered.Kind.FILTERED).map(Triggered::detail).toList();
        InboundEventStatus status = !messages.isEmpty() || !runs.isEmpty() ? InboundEventStatus.MAPPED
                : heldBack.isEmpty() ? InboundEventStatus.UNMAPPED : InboundEventStatus.FILTERED;
        return new Outcome(record.id(), status, messages, runs, heldBack.isEmpty() ? null : String.join("; ", heldBack), now);
    }

    private static List<String> ids(List<Triggered> triggered, Triggered.Kind kind) {
        return triggered.stream().filter(t -> t.kind() == kind).map(Triggered::id).toList();
    }

    /** A Segment event, or a Courier inbound track event (which may name no user). */
    private static Inbound read(InboundEventRecord record) {
        Map<String, Object> payload = record.payload();
        if (InboundEventsService.COURIER_SOURCE.equals(record.source())) {
            Optional<UserId> userId = Optional.ofNullable((String) payload.get("userId")).map(UserId::of);
            Map<String, Object> properties = payload.get("properties") instanceof Map<?, ?> map ? JsonTrees.asObject(map) : Map.of();
            return new Inbound(null, userId, (String) payload.get("event"), properties, record.receivedAt());
        }
        SegmentEvent event = SegmentEvent.parse(payload, null);
        // Activity is when the user acted, but never later than Herald heard of it (client clocks drift).
        Instant activeAt = event.occurredAt().filter(at -> at.isBefore(record.receivedAt())).orElse(record.receivedAt());
        return new Inbound(event, Optional.of(event.recipient()), event.event(), event.properties(), activeAt);
    }

    private record Inbound(SegmentEvent segment, Optional<UserId> recipient, String trackName,
                           Map<String, Object> properties, Instant activeAt) {

        boolean isTrack() {
            return segment == null || segment.type() == SegmentEventType.TRACK;
        }

        /** An identify's traits; for other events, the contact details they carry (a track's email, context.traits). */
        Profile applyTo(Profile profile) {
            Profile updated = profile;
            if (segment != null && segment.type() == SegmentEventType.IDENTIFY) {
                updated = profile.mergedWith(segment.profileChanges());
            } else if (segment != null && !segment.contextChanges().isEmpty()) {
                updated = profile.mergedWith(segment.contextChanges());
            }
            return updated.activeAt(activeAt);
        }
    }
}
