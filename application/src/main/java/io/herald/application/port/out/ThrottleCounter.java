package io.herald.application.port.out;

import io.herald.domain.message.MessageId;

import java.time.Duration;
import java.time.Instant;

/** The messages each throttle key let through, shared by every instance (DESIGN §14). Each call runs in the caller's transaction. */
public interface ThrottleCounter {

    /**
     * Counts {@code messageId} against {@code key} when fewer than {@code max} were counted in {@code (now - period, now]};
     * two instances counting one key take turns, so the limit is exact. A message already counted is let through again
     * (its delivery is being retried), without counting twice.
     * @return whether the message may be sent
     */
    boolean admit(String key, int max, Duration period, MessageId messageId, Instant now);

    /** Forgets what was counted before {@code cutoff}, at most {@code limit} of it. @return how many */
    int forgetBefore(Instant cutoff, int limit);
}
