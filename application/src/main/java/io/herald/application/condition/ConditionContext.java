package io.herald.application.condition;

import java.time.Instant;
import java.util.Map;

/**
 * What a CEL condition sees: {@code data} (the run's data), {@code profile} (the recipient's profile, read when the
 * condition is evaluated, with {@code last_active_at}), {@code event} (the track event that started the run:
 * {@code name}, {@code user_id}, {@code properties}, {@code timestamp}), {@code refs} (each send step's {@code ref}:
 * {@code id}, {@code status}, {@code delivered}, {@code opened}, {@code clicked}) and {@code now} (a timestamp, from
 * Herald's clock).
 */
public record ConditionContext(Map<String, Object> data, Map<String, Object> profile, Map<String, Object> event,
                               Map<String, Object> refs, Instant now) {
}
