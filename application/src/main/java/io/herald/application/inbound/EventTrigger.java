package io.herald.application.inbound;

import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a track event can set off: templates mapped to it send messages, automations triggered by it start runs.
 * Each implementation works inside the transaction that processes the event, so the event's outcome and
 * the work it started commit together. Events are processed in batches: a trigger looks up once what is mapped
 * to the batch's event names, then fires event by event.
 */
public interface EventTrigger {

    Batch forEvents(Set<String> eventNames);

    /** A trigger ready to fire for the events of one batch. */
    interface Batch {
        List<Triggered> fire(TrackedEvent event);
    }

    /**
     * @param userId  empty for a Courier inbound event sent without one
     * @param profile the recipient's profile as this event leaves it (saved when the batch commits)
     */
    record TrackedEvent(long inboundEventId, String event, Optional<UserId> userId, Optional<Profile> profile,
                        Map<String, Object> properties, Map<String, Object> payload, Instant occurredAt) {
    }

    /** @param detail why, for an automation whose trigger held back ({@link Kind#FILTERED}) */
    record Triggered(Kind kind, String id, String detail) {

        /** FILTERED: the event is mapped to the automation {@code id}, whose {@code trigger.if} did not hold for it. */
        public enum Kind { MESSAGE, AUTOMATION_RUN, FILTERED }

        public Triggered(Kind kind, String id) {
            this(kind, id, null);
        }

        public static Triggered filtered(String automationId, String why) {
            return new Triggered(Kind.FILTERED, automationId, why);
        }

        public static Triggered message(String messageId) {
            return new Triggered(Kind.MESSAGE, messageId);
        }

        public static Triggered automationRun(String runId) {
            return new Triggered(Kind.AUTOMATION_RUN, runId);
        }
    }
}
