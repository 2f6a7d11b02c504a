package io.herald.domain.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One leg of a message as the failover policy sees it: the providers that may carry it, in order, and every
 * call already made for it.
 *
 * @param key         names the leg for jitter seeds (message id and leaf id), so a due time stays put between looks
 * @param channel     the channel's wire name, for errors
 * @param providers   the providers to try, in order
 * @param attempts    every call made for the leg, whichever provider made it
 * @param hasFallback whether the routing has somewhere else to go if the leg is given up
 * @param dueSince    when the message became due: the give-up period counts from here
 */
public record Leg(String key, String channel, List<String> providers, List<LegAttempt> attempts, boolean hasFallback,
                  Instant dueSince) {

    public Leg {
        Objects.requireNonNull(key);
        providers = List.copyOf(providers);
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(dueSince);
    }

    /** The calls made to one provider, in order. */
    public List<LegAttempt> attemptsOf(String provider) {
        return attempts.stream().filter(attempt -> attempt.provider().equals(provider)).toList();
    }
}
