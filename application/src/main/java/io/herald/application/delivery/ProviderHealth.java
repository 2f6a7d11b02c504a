package io.herald.application.delivery;

import io.herald.application.port.in.QueryHealthUseCase.ProviderStatus;
import io.herald.domain.delivery.CircuitBreaker;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.delivery.ProviderCircuits;
import io.herald.domain.message.MessageId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How each provider has been doing on this instance: calls and failures over the last 15 minutes, the last
 * success and failure, and its circuit. The pipeline asks it whether to call a provider; health reports read it;
 * messages that wait for an open circuit are remembered here so that they go at once when it closes.
 */
public final class ProviderHealth implements ProviderCircuits {

    /** The window of the attempt and failure counts, in one-minute buckets. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int BUCKETS = (int) WINDOW.toMinutes();
    /** Beyond this many, waiting messages are not remembered: they still go at their own probe time. */
    private static final int MAX_WAITING = 100_000;

    private final int circuitFailures;
    private final Duration circuitProbeAfter;
    private final Map<String, Stats> byProvider = new ConcurrentHashMap<>();

    public ProviderHealth(int circuitFailures, Duration circuitProbeAfter) {
        this.circuitFailures = circuitFailures;
        this.circuitProbeAfter = circuitProbeAfter;
    }

    @Override
    public CircuitBreaker circuit(String provider) {
        return stats(provider).circuit;
    }

    /** What one call's outcome did to the provider's circuit. */
    public enum CircuitChange { NONE, OPENED, CLOSED }

    /** Records one call's outcome. */
    public CircuitChange record(String provider, DeliveryResult result, Instant at) {
        Stats stats = stats(provider);
        stats.count(at, !(result instanceof DeliveryResult.Sent));
        if (result instanceof DeliveryResult.Sent) {
            stats.lastSuccess = at;
            return stats.circuit.succeeded() ? CircuitChange.CLOSED : CircuitChange.NONE;
        }
        String error = result instanceof DeliveryResult.TransientFailure failure ? failure.error()
                : ((DeliveryResult.PermanentFailure) result).error();
        stats.lastFailure = at;
        stats.lastError = error;
        // A permanent refusal is an answer about this message from a provider that is up: the circuit is left alone.
        if (result instanceof DeliveryResult.TransientFailure && stats.circuit.failed(at)) {
            return CircuitChange.OPENED;
        }
        return CircuitChange.NONE;
    }

    /** When a call to the provider last succeeded on this instance. */
    @Override
    public Optional<Instant> lastSuccess(String provider) {
        return Optional.ofNullable(stats(provider).lastSuccess);
    }

    /** The message waits for {@code provider}'s circuit; it is handed back by {@link #takeWaiting} when it closes. */
    public void awaitCircuit(String provider, MessageId message) {
        Set<MessageId> waiting = stats(provider).waiting;
        if (waiting.size() < MAX_WAITING) {
            waiting.add(message);
        }
    }

    public List<MessageId> takeWaiting(String provider) {
        Set<MessageId> waiting = stats(provider).waiting;
        List<MessageId> taken = new ArrayList<>(waiting);
        taken.forEach(waiting::remove);
        return taken;
    }

    public ProviderStatus status(String provider, Instant now) {
        Stats stats = stats(provider);
        synchronized (stats) {
            long attempts = 0;
            long failures = 0;
            long currentMinute = minute(now);
            for (int i = 0; i < BUCKETS; i++) {
                if (currentMinute - stats.bucketMinute[i] < BUCKETS) {
                    attempts += stats.attempts[i];
                    failures += stats.failures[i];
                }
            }
            return new ProviderStatus(provider, attempts, failures, stats.circuit.consecutiveFailures(),
                    Optional.ofNullable(stats.lastSuccess), Optional.ofNullable(stats.lastFailure),
                    Optional.ofNullable(stats.lastError), stats.circuit.state());
        }
    }

    private Stats stats(String provider) {
        return byProvider.computeIfAbsent(provider, name -> new Stats(new CircuitBreaker(circuitFailures, circuitProbeAfter)));
    }

    private static long minute(Instant at) {
        return at.getEpochSecond() / 60;
    }

    private static final class Stats {

        final CircuitBreaker circuit;
        final Set<MessageId> waiting = ConcurrentHashMap.newKeySet();
        final long[] bucketMinute = new long[BUCKETS];
        final long[] attempts = new long[BUCKETS];
        final long[] failures = new long[BUCKETS];
        volatile Instant lastSuccess;
        volatile Instant lastFailure;
        volatile String lastError;

        Stats(CircuitBreaker circuit) {
            this.circuit = circuit;
            Arrays.fill(bucketMinute, Long.MIN_VALUE / 2);
        }

        synchronized void count(Instant at, boolean failed) {
            long minute = minute(at);
            int i = (int) Math.floorMod(minute, (long) BUCKETS);
            if (bucketMinute[i] != minute) {
                bucketMinute[i] = minute;
                attempts[i] = 0;
                failures[i] = 0;
            }
            attempts[i]++;
            if (failed) {
                failures[i]++;
            }
        }
    }
}
