package io.herald.domain.throttle;

import io.herald.domain.json.JsonFields;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.time.Durations;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template's or a send's {@code throttle: {"key", "max", "period"}} (DESIGN §14): at most {@code max} messages per
 * rendered {@code key} in any {@code period} (a sliding window); a message past it ends {@code THROTTLED} and is not
 * sent. The key is Handlebars over the message ({@code "{{user_id}}-digest"}), so one throttle can hold per user.
 *
 * @param periodText the period as it was written, for the history and the API
 */
public record Throttle(String key, int max, Duration period, String periodText) {

    public static final Duration LONGEST_PERIOD = Duration.ofDays(30);
    public static final int MOST = 100_000;

    public Throttle {
        if (key == null || key.isBlank() || key.length() > 256) {
            throw new InvalidValueException("throttle.key must be 1 to 256 characters");
        }
        if (max < 1 || max > MOST) {
            throw new InvalidValueException("throttle.max must be from 1 to " + MOST);
        }
        if (period.isZero() || period.isNegative() || period.compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidValueException("throttle.period must be above zero and at most 30 days");
        }
    }

    /** Reads {@code {"key", "max", "period"}}, refusing what does not fit by its path. */
    public static Throttle parse(Object raw, String where) {
        JsonFields throttle = JsonFields.of(raw, where, "an object with key, max and period");
        throttle.allowOnly(java.util.Set.of("key", "max", "period"), "a throttle");
        String key = throttle.requiredText("key");
        if (!(throttle.get("max") instanceof Number max) || max.doubleValue() != Math.rint(max.doubleValue())) {
            throw new InvalidValueException(throttle.where("max") + " must be a whole number");
        }
        Duration period = Durations.parse(throttle.get("period"), throttle.where("period"));
        String written = throttle.get("period") instanceof String text ? text.trim() : period.toString();
        try {
            return new Throttle(key, max.intValue(), period, written);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(where + ": " + e.getMessage());
        }
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", key);
        json.put("max", max);
        json.put("period", periodText);
        return json;
    }
}
