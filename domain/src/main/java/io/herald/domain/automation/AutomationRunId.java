package io.herald.domain.automation;

import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/** An automation run's id ({@code run-<time>-<random>}): sorts by creation time, never repeats. */
public record AutomationRunId(String value) {

    public AutomationRunId {
        Objects.requireNonNull(value);
        if (value.isBlank() || value.length() > 128) {
            throw new InvalidValueException("run id must be 1 to 128 characters");
        }
    }

    public static AutomationRunId generate(Instant now) {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return new AutomationRunId("run-" + String.format("%012x", now.toEpochMilli()) + "-" + HexFormat.of().formatHex(random));
    }

    /** The lowest id a run created at {@code at} can have, or later: a bound for a range of creation times. */
    public static AutomationRunId firstAt(Instant at) {
        return new AutomationRunId("run-" + String.format("%012x", at.toEpochMilli()));
    }

    @Override
    public String toString() {
        return value;
    }
}
