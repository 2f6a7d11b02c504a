package io.herald.application.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many calls a provider may take per period ({@code herald.providers.<name>.rate}), e.g. {@code 1/s} for a
 * Twilio long code, {@code 600/m}, {@code 5/10s}. Each instance keeps its own count.
 */
public record SendRate(long calls, Duration period) {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*/\\s*(\\d*)\\s*(ms|s|m|h)");

    public SendRate {
        if (calls < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate needs at least one call per positive period");
        }
    }

    /** Empty when the text is not a rate such as {@code 1/s}, {@code 600/m} or {@code 5/10s}. */
    public static Optional<SendRate> parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            long calls = Long.parseLong(matcher.group(1));
            long amount = matcher.group(2).isEmpty() ? 1 : Long.parseLong(matcher.group(2));
            Duration period = switch (matcher.group(3)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            return calls < 1 || amount < 1 ? Optional.empty() : Optional.of(new SendRate(calls, period));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
