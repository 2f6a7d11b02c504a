package io.herald.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to do next with a due leg, from its attempt log and the providers' circuits. Providers are tried in order,
 * each up to {@code attemptsPerProvider} transient failures, skipping any whose circuit is open; a permanent failure
 * moves on at once. When every provider is used up the leg is given up if the routing has somewhere else to go;
 * otherwise the providers that failed only transiently are tried again, with backoff, until {@code giveUpAfter}:
 * an outage is sat out rather than turned into undeliverable messages (ADR 0006).
 *
 * @param inFlightLease how long a call may be under way before its outcome is presumed lost
 */
public record FailoverPolicy(int attemptsPerProvider, Backoff backoff, Duration inFlightLease, Duration giveUpAfter) {

    static final String OUTCOME_UNKNOWN = "the outcome of this call is unknown: Herald stopped while making it";

    public FailoverPolicy {
        if (attemptsPerProvider < 1) {
            throw new IllegalArgumentException("a provider gets at least one attempt");
        }
        Objects.requireNonNull(backoff);
        Objects.requireNonNull(inFlightLease);
        Objects.requireNonNull(giveUpAfter);
    }

    /** What comes next for a leg. */
    public sealed interface Decision permits Call, Wait, GiveUp, CountAsFailed {
    }

    /** Call {@code provider} now; the call is number {@code number} for it on this leg. */
    public record Call(String provider, int number) implements Decision {
    }

    /**
     * Nothing to do before {@code until}; {@code provider} is the one that will be tried then. The leg waits for
     * the circuits of {@code awaitingCircuits} to close (it is looked at again as soon as one does).
     */
    public record Wait(Instant until, String provider, List<String> awaitingCircuits) implements Decision {
    }

    /** Every way this leg had is used up. */
    public record GiveUp(String lastError) implements Decision {
    }

    /**
     * A call that ended without an outcome (its lease ran out) or that was not made (the circuit is open) counts as
     * a transient failure: record {@code failure} as call {@code number}, made at {@code at}, then decide again.
     */
    public record CountAsFailed(String provider, int number, DeliveryResult.TransientFailure failure, Instant at)
            implements Decision {
    }

    /** Where a leg goes after a failure, as history and logs name it. */
    public enum Move {
        RETRY, FAILOVER, FALLTHROUGH, UNDELIVERABLE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The decision, claiming what it decides (a half-open circuit's probe, a place among a circuit's waiters). */
    public Decision decide(Leg leg, Instant now, ProviderCircuits circuits) {
        return next(leg, now, circuits, true);
    }

    /** Where the leg goes after {@code provider} failed on it, without claiming anything. */
    public Move moveAfterFailure(Leg leg, String provider, Instant now, ProviderCircuits circuits) {
        Decision next = next(leg, now, circuits, false);
        String nextProvider = next instanceof Call call ? call.provider()
                : next instanceof Wait wait ? wait.provider()
                : next instanceof CountAsFailed counted ? counted.provider() : null;
        if (nextProvider != null) {
            return nextProvider.equals(provider) ? Move.RETRY : Move.FAILOVER;
        }
        return leg.hasFallback() ? Move.FALLTHROUGH : Move.UNDELIVERABLE;
    }

    private Decision next(Leg leg, Instant now, ProviderCircuits circuits, boolean claim) {
        String lastError = "no provider is configured for " + leg.channel();
        List<String> outlasting = new ArrayList<>();
        for (String provider : leg.providers()) {
            List<LegAttempt> attempts = leg.attemptsOf(provider);
            if (attempts.stream().anyMatch(a -> a.outcome() == AttemptOutcome.PERMANENT)) {
                lastError = lastErrorOf(attempts, lastError);
                continue;
            }
            LegAttempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
            if (last != null && last.outcome() == AttemptOutcome.IN_FLIGHT) {
                Instant leaseEnd = last.at().plus(inFlightLease);
                if (now.isBefore(leaseEnd)) {
                    return new Wait(leaseEnd, provider, List.of());
                }
                // The instance that made this call stopped before recording its outcome.
                return new CountAsFailed(provider, last.number(), new DeliveryResult.TransientFailure(OUTCOME_UNKNOWN), last.at());
            }
            int transientFailures = (int) attempts.stream().filter(a -> a.outcome() == AttemptOutcome.TRANSIENT).count();
            if (transientFailures > 0) {
                lastError = lastErrorOf(attempts, lastError);
            }
            CircuitBreaker circuit = circuits.circuit(provider);
            if (claim && attempts.isEmpty() && !circuit.mayCall(now)) {
                // Once per leg, so the history says why the message is not tried: the provider is failing for everyone.
                return new CountAsFailed(provider, 1, DeliveryResult.TransientFailure.notCalled(provider + ": circuit open after "
                        + circuit.consecutiveFailures() + " failed calls in a row; not called"), now);
            }
            if (transientFailures >= attemptsPerProvider || !circuit.mayCall(now)) {
                outlasting.add(provider);
                continue;
            }
            if (last != null && last.outcome() == AttemptOutcome.TRANSIENT) {
                Instant retryAt = retryAt(leg, provider, last.at(), transientFailures, circuits);
                if (now.isBefore(retryAt)) {
                    return new Wait(retryAt, provider, List.of());
                }
            }
            if (claim && !circuit.tryCall(now)) {
                outlasting.add(provider);
                continue;
            }
            return new Call(provider, attempts.size() + 1);
        }
        if (outlasting.isEmpty() || leg.hasFallback()) {
            return new GiveUp(lastError);
        }
        Instant giveUpAt = leg.dueSince().plus(giveUpAfter);
        if (!now.isBefore(giveUpAt)) {
            return new GiveUp(lastError + " (still failing " + giveUpAfter + " after it was due: given up)");
        }
        return outlast(leg, outlasting, now, circuits, claim, giveUpAt, lastError);
    }

    /** Nothing else to go to: the providers that failed only transiently are tried again, in order, with backoff. */
    private Decision outlast(Leg leg, List<String> outlasting, Instant now, ProviderCircuits circuits, boolean claim,
                             Instant giveUpAt, String lastError) {
        int failures = (int) leg.attempts().stream().filter(a -> a.outcome() == AttemptOutcome.TRANSIENT).count();
        Instant lastTry = leg.attempts().stream().map(LegAttempt::at).max(Instant::compareTo).orElse(now);
        Instant probeAt = null;
        for (String provider : outlasting) {
            CircuitBreaker circuit = circuits.circuit(provider);
            if (circuit.mayCall(now)) {
                Instant retryAt = retryAt(leg, provider, lastTry, failures, circuits);
                if (!retryAt.isBefore(giveUpAt)) {
                    return new GiveUp(lastError + " (the next try would come after " + giveUpAfter + " of failures: given up)");
                }
                if (now.isBefore(retryAt)) {
                    return new Wait(retryAt, provider, List.of());
                }
                if (!claim || circuit.tryCall(now)) {
                    return new Call(provider, leg.attemptsOf(provider).size() + 1);
                }
            }
            Instant next = circuit.nextCallAt(now);
            probeAt = probeAt == null || next.isBefore(probeAt) ? next : probeAt;
        }
        return new Wait(probeAt, outlasting.get(0), List.copyOf(outlasting));
    }

    /**
     * When a leg that failed {@code failures} times may be tried again: after the backoff (the same jitter at every
     * look, so the due time does not move), or at once when the provider has succeeded since (it recovered).
     */
    private Instant retryAt(Leg leg, String provider, Instant lastTry, int failures, ProviderCircuits circuits) {
        if (circuits.lastSuccess(provider).filter(success -> success.isAfter(lastTry)).isPresent()) {
            return lastTry;
        }
        long seed = (leg.key() + "/" + failures).hashCode();
        return lastTry.plus(backoff.delay(failures, seed));
    }

    private static String lastErrorOf(List<LegAttempt> attempts, String fallback) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).error() != null) {
                return attempts.get(i).provider() + ": " + attempts.get(i).error();
            }
        }
        return fallback;
    }
}
