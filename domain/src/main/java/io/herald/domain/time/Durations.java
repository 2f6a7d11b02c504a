package io.herald.domain.time;

import io.herald.domain.shared.InvalidValueException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as callers write them: milliseconds (a number), ISO-8601 ({@code PT2H}), or words
 * ({@code "2 hours"}, {@code "15 minutes"}, {@code "1 day"}).
 */
public final class Durations {

    private static final Pattern WORDS = Pattern.compile(
            "(\\d+)\\s*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)");

    private Durations() {
    }

    public static Duration parse(Object raw, String where) {
        if (raw instanceof Number number) {
            if (number.doubleValue() < 0 || number.doubleValue() != Math.rint(number.doubleValue())) {
                throw new InvalidValueException(where + " must be a whole, non-negative number of milliseconds");
            }
            return Duration.ofMillis(number.longValue());
        }
        if (!(raw instanceof String text) || text.isBlank()) {
            throw new InvalidValueException(where + " must be milliseconds, an ISO-8601 duration (PT2H) or words (\"2 hours\")");
        }
        String trimmed = text.trim();
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                Duration duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
                if (duration.isNegative()) {
                    throw new InvalidValueException(where + " must not be negative");
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw new InvalidValueException(where + " '" + text + "' is not an ISO-8601 duration");
            }
        }
        Matcher words = WORDS.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (!words.matches()) {
            throw new InvalidValueException(where + " '" + text + "' is not a duration (use \"2 hours\", \"PT2H\" or milliseconds)");
        }
        try {
            long amount = Long.parseLong(words.group(1));
            String unit = words.group(2);
            if (unit.equals("ms") || unit.startsWith("milli")) {
                return Duration.ofMillis(amount);
            }
            return switch (unit.charAt(0)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> Duration.ofDays(Math.multiplyExact(7, amount));
            };
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            throw new InvalidValueException(where + " '" + text + "' is too long a duration");
        }
    }
}
