package io.herald.domain.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * One call to one provider for one leg (routing leaf) of a message, as the attempt log keeps it.
 *
 * @param number the call's number for that provider on that leg, from 1
 * @param error  what the provider said when it failed, or null
 */
public record LegAttempt(String provider, int number, AttemptOutcome outcome, String error, Instant at) {

    public LegAttempt {
        Objects.requireNonNull(provider);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(at);
    }
}
