package io.herald.application.delivery;

import io.herald.application.delivery.DeliveryPipeline.CallResult;
import io.herald.application.delivery.DeliveryPipeline.RemoteCall;
import io.herald.application.fakes.MutableClock;
import io.herald.application.fakes.RecordingDurableScheduler;
import io.herald.application.port.in.QueryHealthUseCase.ProviderStatus;
import io.herald.application.port.out.ChannelSender;
import io.herald.application.port.out.OperationalMetrics;
import io.herald.domain.delivery.CircuitBreaker;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider bulkheads, circuits and their bookkeeping, with providers that hang or fail on purpose. */
class ProviderCallsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final RecordingDurableScheduler scheduler = new RecordingDurableScheduler();
    private final ProviderHealth health = new ProviderHealth(3, Duration.ofSeconds(30));
    private final List<String> counted = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Function<ChannelSender.Delivery, DeliveryResult> slowBehaviour = delivery -> {
        await(release);
        return new DeliveryResult.Sent("slow-" + delivery.messageId());
    };
    private volatile DeliveryResult flakyResult = DeliveryResult.TransientFailure.status(503, "flaky 503");
    private ProviderCalls calls;
    private Optional<SendRate> rate = Optional.empty();

    private ProviderCalls calls(int concurrency, int queue) {
        ChannelSender slow = sender("slow", delivery -> slowBehaviour.apply(delivery));
        ChannelSender flaky = sender("flaky", delivery -> flakyResult);
        Providers providers = new Providers(Map.of(Channel.EMAIL, List.of("slow", "flaky")), List.of(slow, flaky));
        calls = new ProviderCalls(providers, health, metrics(), scheduler, clock, name -> concurrency, queue,
                name -> name.equals("flaky") ? rate : Optional.empty());
        return calls;
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (calls != null) {
            calls.close();
        }
    }

    @Test
    void aHangingProviderHoldsUpOnlyItsOwnCalls() throws Exception {
        ProviderCalls calls = calls(2, 100);
        List<CompletableFuture<CallResult>> hanging = List.of(calls.callRemote(call("m1", "slow")), calls.callRemote(call("m2", "slow")),
                calls.callRemote(call("m3", "slow")));
        flakyResult = new DeliveryResult.Sent("flaky-ok");

        CallResult other = calls.callRemote(call("m4", "flaky")).get(1, TimeUnit.SECONDS);

        assertThat(other.result()).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(hanging).noneMatch(CompletableFuture::isDone);
        release.countDown();
        for (CompletableFuture<CallResult> call : hanging) {
            assertThat(call.get(5, TimeUnit.SECONDS).result()).isInstanceOf(DeliveryResult.Sent.class);
        }
    }

    @Test
    void aFullQueueIsATransientFailureWithoutACall() throws Exception {
        ProviderCalls calls = calls(1, 1);
        // These two fill the bulkhead (one running, one queued); their outcomes do not matter here.
        var unused = List.of(calls.callRemote(call("m1", "slow")), calls.callRemote(call("m2", "slow")));

        CallResult refused = calls.callRemote(call("m3", "slow")).get(1, TimeUnit.SECONDS);

        assertThat(refused.result()).isInstanceOfSatisfying(DeliveryResult.TransientFailure.class, failure -> {
            assertThat(failure.called()).isFalse();
            assertThat(failure.error()).contains("already waiting");
        });
    }

    @Test
    void failuresInARowOpenTheCircuitAfterWhichTheProviderIsNotCalledUntilTheProbe() throws Exception {
        ProviderCalls calls = calls(2, 100);
        for (int i = 0; i < 3; i++) {
            calls.callRemote(call("m" + i, "flaky")).get(1, TimeUnit.SECONDS);
        }
        assertThat(health.circuit("flaky").state()).isEqualTo(CircuitBreaker.State.OPEN);

        CallResult skipped = calls.callRemote(call("m9", "flaky")).get(1, TimeUnit.SECONDS);

        assertThat(((DeliveryResult.TransientFailure) skipped.result()).called()).isFalse();
        assertThat(counted).as("a call not made is not an attempt").hasSize(3).containsOnly("flaky/transient");
        ProviderStatus status = health.status("flaky", clock.now());
        assertThat(status.attempts()).isEqualTo(3);
        assertThat(status.failures()).isEqualTo(3);
        assertThat(status.lastError()).contains("flaky 503");
    }

    @Test
    void theProbesSuccessClosesTheCircuitAndTheMessagesThatWaitedGoAtOnce() throws Exception {
        ProviderCalls calls = calls(2, 100);
        for (int i = 0; i < 3; i++) {
            calls.callRemote(call("m" + i, "flaky")).get(1, TimeUnit.SECONDS);
        }
        health.awaitCircuit("flaky", new MessageId("waiting-1"));
        health.awaitCircuit("flaky", new MessageId("waiting-2"));
        clock.advance(Duration.ofSeconds(30));
        assertThat(health.circuit("flaky").tryCall(clock.now())).as("the probe").isTrue();
        flakyResult = new DeliveryResult.Sent("flaky-back");

        calls.callRemote(call("probe", "flaky")).get(1, TimeUnit.SECONDS);

        assertThat(health.circuit("flaky").state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(scheduler.deliveries()).singleElement().satisfies(woken -> {
            assertThat(woken.messages()).containsExactlyInAnyOrder(new MessageId("waiting-1"), new MessageId("waiting-2"));
            assertThat(woken.at()).isEqualTo(clock.now());
        });
        assertThat(health.takeWaiting("flaky")).isEmpty();
    }

    @Test
    void aProviderWithASendRateIsPacedToIt() throws Exception {
        rate = SendRate.parse("5/s");
        flakyResult = new DeliveryResult.Sent("paced");
        ProviderCalls calls = calls(4, 100);
        long started = System.nanoTime();
        List<CompletableFuture<CallResult>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(calls.callRemote(call("m" + i, "flaky")));
        }
        for (CompletableFuture<CallResult> call : sent) {
            call.get(5, TimeUnit.SECONDS);
        }
        // Five at once (the bucket starts full), then five more at 5 per second: about a second in all.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(800));
    }

    @Test
    void sendRatesAreReadFromTheirConfiguredForm() {
        assertThat(SendRate.parse("1/s")).contains(new SendRate(1, Duration.ofSeconds(1)));
        assertThat(SendRate.parse("600 / m")).contains(new SendRate(600, Duration.ofMinutes(1)));
        assertThat(SendRate.parse("5/10s")).contains(new SendRate(5, Duration.ofSeconds(10)));
        assertThat(SendRate.parse("fast")).isEmpty();
        assertThat(SendRate.parse("0/s")).isEmpty();
        assertThat(SendRate.parse("1/0s")).isEmpty();
    }

    @Test
    void aPermanentRefusalLeavesTheCircuitAlone() throws Exception {
        ProviderCalls calls = calls(2, 100);
        flakyResult = new DeliveryResult.PermanentFailure("flaky 400: invalid address", 400);
        for (int i = 0; i < 5; i++) {
            calls.callRemote(call("m" + i, "flaky")).get(1, TimeUnit.SECONDS);
        }
        assertThat(health.circuit("flaky").state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(counted).hasSize(5).containsOnly("flaky/permanent");
    }

    private RemoteCall call(String messageId, String provider) {
        MessageId id = new MessageId(messageId);
        return new RemoteCall(id, "0", provider, 1,
                new ChannelSender.Delivery(id, Channel.EMAIL, "a@example.org", List.of(), Map.of(), Map.of(), Map.of()));
    }

    private OperationalMetrics metrics() {
        return new OperationalMetrics() {
            @Override
            public void providerCall(String provider, String outcome, Duration latency) {
                counted.add(provider + "/" + outcome);
            }

            @Override
            public void messageReached(MessageStatus status, Channel channel, String provider) {
            }

            @Override
            public void inboundEvent(String type, String status) {
            }

            @Override
            public void automationRunEnded(String status) {
            }
        };
    }

    private static ChannelSender sender(String name, Function<ChannelSender.Delivery, DeliveryResult> behaviour) {
        return new ChannelSender() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Channel> channels() {
                return Set.of(Channel.EMAIL);
            }

            @Override
            public boolean local() {
                return false;
            }

            @Override
            public DeliveryResult send(Delivery delivery) {
                return behaviour.apply(delivery);
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
