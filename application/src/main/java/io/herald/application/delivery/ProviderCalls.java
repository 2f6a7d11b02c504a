package io.herald.application.delivery;

import io.github.bucket4j.Bucket;
import io.herald.application.delivery.DeliveryPipeline.CallResult;
import io.herald.application.delivery.DeliveryPipeline.RemoteCall;
import io.herald.application.port.out.ChannelSender;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.OperationalMetrics;
import io.herald.domain.delivery.CircuitBreaker;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Every provider call goes through here. Remote providers are bulkheads: each has its own threads (its
 * concurrency limit) and its own bounded queue, off the scheduler's threads, so a provider that hangs holds up
 * only its own messages; a provider with a send rate is paced on its own threads too (a Bucket4j token bucket). Each outcome is timed, counted and fed to the provider's health and circuit; when a
 * success closes an open circuit, the messages that waited for it are scheduled at once.
 */
public final class ProviderCalls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);
    private static final int WAKE_BATCH = 100;

    private final Providers providers;
    private final ProviderHealth health;
    private final OperationalMetrics metrics;
    private final DurableScheduler scheduler;
    private final Clock clock;
    private final ToIntFunction<String> concurrency;
    private final int queueLimit;
    private final Function<String, Optional<SendRate>> rates;
    private final Map<String, ThreadPoolExecutor> bulkheads = new ConcurrentHashMap<>();
    private final Map<String, Optional<Bucket>> buckets = new ConcurrentHashMap<>();

    /**
     * @param concurrency calls made at once to each remote provider, by provider name
     * @param queueLimit  calls waiting for a free slot per provider, beyond which a call is not made (and retried later)
     * @param rates       the send rate of each remote provider that has one
     */
    public ProviderCalls(Providers providers, ProviderHealth health, OperationalMetrics metrics, DurableScheduler scheduler,
                         Clock clock, ToIntFunction<String> concurrency, int queueLimit, Function<String, Optional<SendRate>> rates) {
        this.providers = providers;
        this.health = health;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.clock = clock;
        this.concurrency = concurrency;
        this.queueLimit = queueLimit;
        this.rates = rates;
    }

    /** A remote call on its provider's bulkhead; the future always completes with a result, never exceptionally. */
    public CompletableFuture<CallResult> callRemote(RemoteCall call) {
        CompletableFuture<CallResult> result = new CompletableFuture<>();
        try {
            bulkhead(call.provider()).execute(() -> {
                paced(call.provider());
                result.complete(new CallResult(call, callNow(call.provider(), call.delivery()), clock.now()));
            });
        } catch (RejectedExecutionException full) {
            result.complete(new CallResult(call, DeliveryResult.TransientFailure.notCalled(call.provider() + ": " + queueLimit
                    + " calls are already waiting for this provider; not called"), clock.now()));
        }
        return result;
    }

    /** A call made on the caller's thread: local providers, inside the pipeline's transaction. */
    public DeliveryResult callLocal(String provider, ChannelSender.Delivery delivery) {
        return callNow(provider, delivery);
    }

    private DeliveryResult callNow(String provider, ChannelSender.Delivery delivery) {
        CircuitBreaker circuit = health.circuit(provider);
        Instant now = clock.now();
        if (circuit.state() == CircuitBreaker.State.OPEN && !circuit.mayCall(now)) {
            return DeliveryResult.TransientFailure.notCalled(provider + ": circuit open after " + circuit.consecutiveFailures()
                    + " failed calls in a row; not called");
        }
        ChannelSender sender = providers.sender(provider);
        long started = System.nanoTime();
        DeliveryResult result;
        try {
            result = sender.send(delivery);
        } catch (RuntimeException e) {
            result = new DeliveryResult.TransientFailure(provider + " failed: " + e.getClass().getSimpleName());
        }
        metrics.providerCall(provider, outcomeLabel(result), Duration.ofNanos(System.nanoTime() - started));
        ProviderHealth.CircuitChange change = health.record(provider, result, clock.now());
        if (change == ProviderHealth.CircuitChange.CLOSED) {
            LOG.info("Provider {}: circuit closed, a call succeeded again", provider);
            wakeWaiting(provider);
        } else if (change == ProviderHealth.CircuitChange.OPENED) {
            LOG.warn("Provider {}: circuit open after {} failed calls in a row; messages fail over or wait for a probe",
                    provider, circuit.consecutiveFailures());
        }
        return result;
    }

    /** Waits, on the provider's own thread, until its send rate allows another call. */
    private void paced(String provider) {
        Optional<Bucket> bucket = buckets.computeIfAbsent(provider, name -> rates.apply(name).map(rate -> Bucket.builder()
                .addLimit(limit -> limit.capacity(rate.calls()).refillGreedy(rate.calls(), rate.period())).build()));
        if (bucket.isPresent()) {
            bucket.get().asBlocking().consumeUninterruptibly(1);
        }
    }

    private void wakeWaiting(String provider) {
        List<MessageId> waiting = health.takeWaiting(provider);
        Instant now = clock.now();
        for (int from = 0; from < waiting.size(); from += WAKE_BATCH) {
            scheduler.deliver(waiting.subList(from, Math.min(waiting.size(), from + WAKE_BATCH)), now);
        }
    }

    private static String outcomeLabel(DeliveryResult result) {
        if (result instanceof DeliveryResult.Sent) {
            return "sent";
        }
        if (result instanceof DeliveryResult.TransientFailure failure) {
            return failure.timeout() ? "timeout" : "transient";
        }
        return "permanent";
    }

    private ThreadPoolExecutor bulkhead(String provider) {
        return bulkheads.computeIfAbsent(provider, name -> {
            int threads = Math.max(1, concurrency.applyAsInt(name));
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(queueLimit), runnable -> {
                        Thread thread = new Thread(runnable, "herald-" + name + "-call-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            executor.allowCoreThreadTimeOut(true);
            return executor;
        });
    }

    /** Lets calls under way finish (up to a few seconds), so their outcomes are recorded rather than left in flight. */
    @Override
    public void close() {
        bulkheads.values().forEach(ThreadPoolExecutor::shutdown);
        for (ThreadPoolExecutor executor : bulkheads.values()) {
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
            }
        }
    }
}
