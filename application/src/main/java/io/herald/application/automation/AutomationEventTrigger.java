package io.herald.application.automation;

import io.herald.application.condition.ConditionException;
import io.herald.application.condition.ConditionContext;
import io.herald.application.condition.Conditions;
import io.herald.application.inbound.EventTrigger;
import io.herald.application.port.out.AutomationRepository;
import io.herald.application.port.out.Clock;
import io.herald.domain.automation.Automation;
import io.herald.domain.profile.Profile;
import io.herald.application.support.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Starts a run of every automation whose {@code trigger.event} is the track event's name and whose
 * {@code trigger.if} holds, for the event's user, with the event's {@code properties} as the run's data.
 * A trigger condition that cannot be evaluated for this event (it reads a property the event lacks without
 * {@code has}) counts as false, with a warning in the log.
 */
public final class AutomationEventTrigger implements EventTrigger {

    private static final Logger LOG = LoggerFactory.getLogger(AutomationEventTrigger.class);

    private final AutomationRepository automations;
    private final RunStarter starter;
    private final Conditions conditions;
    private final Clock clock;

    public AutomationEventTrigger(AutomationRepository automations, RunStarter starter, Conditions conditions, Clock clock) {
        this.automations = automations;
        this.starter = starter;
        this.conditions = conditions;
        this.clock = clock;
    }

    @Override
    public Batch forEvents(Set<String> eventNames) {
        Map<String, List<Automation>> triggered = automations.findByTriggerEvents(eventNames);
        return event -> fire(event, triggered.getOrDefault(event.event(), List.of()));
    }

    private List<Triggered> fire(TrackedEvent event, List<Automation> matching) {
        if (event.userId().isEmpty() || matching.isEmpty()) {
            return List.of();
        }
        Instant now = clock.now();
        Map<String, Object> eventView = view(event);
        Map<String, Object> profile = event.profile().map(Profile::view).orElse(Map.of());
        List<Triggered> triggered = new ArrayList<>();
        for (Automation automation : matching) {
            Optional<String> condition = automation.trigger().flatMap(Automation.Trigger::condition);
            if (condition.isPresent()) {
                Optional<String> heldBack = heldBack(automation, condition.get(),
                        new ConditionContext(event.properties(), profile, eventView, Map.of(), now));
                if (heldBack.isPresent()) {
                    triggered.add(Triggered.filtered(automation.id(), heldBack.get()));
                    continue;
                }
            }
            var run = starter.start(Optional.of(automation.id()), automation.steps(), automation.cancelationToken(),
                    event.userId().get(), event.properties(), eventView, profile, 0,
                    Optional.of("event-" + event.inboundEventId()), now);
            triggered.add(Triggered.automationRun(run.id().value()));
        }
        return triggered;
    }

    /** Why the automation does not start for this event, or empty when its trigger holds. */
    private Optional<String> heldBack(Automation automation, String condition, ConditionContext context) {
        try {
            return conditions.holds(condition, context, "trigger.if") ? Optional.empty()
                    : Optional.of("automation '" + automation.id() + "': trigger.if is false for this event");
        } catch (ConditionException e) {
            LOG.warn("Automation '{}' not started: {}", automation.id(), LogSafe.redact(e.getMessage()));
            return Optional.of("automation '" + automation.id() + "': " + e.getMessage());
        }
    }

    /** The event as conditions see it ({@code event.name}, {@code event.properties}…). */
    private static Map<String, Object> view(TrackedEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", event.event());
        event.userId().ifPresent(user -> view.put("user_id", user.value()));
        view.put("properties", event.properties());
        view.put("timestamp", event.occurredAt().toString());
        return view;
    }
}
