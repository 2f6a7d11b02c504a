package io.herald.application.delivery;

import io.herald.application.port.out.ChannelSender;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.routing.Channel;

import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider whose answers a test writes in advance: one scripted outcome per call, in order, then a standing answer
 * (accepted, unless the test says otherwise). A remote one may also hold a call, as a provider that does not answer,
 * until the test answers it ({@link HeldCall#answer}). Every delivery it was given is kept.
 */
public final class ScriptedSender implements ChannelSender {

    private static final Object HOLD = new Object();

    private final String name;
    private final Set<Channel> channels;
    private final boolean local;
    private final Queue<Object> script = new ConcurrentLinkedQueue<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<HeldCall> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile DeliveryResult otherwise;

    private ScriptedSender(String name, boolean local, Channel first, Channel... more) {
        this.name = name;
        this.local = local;
        this.channels = EnumSet.of(first, more);
    }

    /** Delivers on the caller's thread, inside the pipeline's step (as the console and the inbox do). */
    public static ScriptedSender local(String name, Channel first, Channel... more) {
        return new ScriptedSender(name, true, first, more);
    }

    /** Called on its bulkhead, between the pipeline's steps (as SendGrid, Twilio and FCM are). */
    public static ScriptedSender remote(String name, Channel first, Channel... more) {
        return new ScriptedSender(name, false, first, more);
    }

    /** The next calls get these outcomes, one each, in order. */
    public ScriptedSender answers(DeliveryResult... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    /** The next call gets no answer until the test gives one. */
    public ScriptedSender holdsNextCall() {
        if (local) {
            throw new IllegalStateException("a local provider answers inside the pipeline's step: it cannot be held");
        }
        script.add(HOLD);
        return this;
    }

    /** Every call once the script is used up gets this outcome (by default, accepted). */
    public ScriptedSender afterwardsAnswers(DeliveryResult outcome) {
        this.otherwise = outcome;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Channel> channels() {
        return channels;
    }

    @Override
    public boolean local() {
        return local;
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
        deliveries.add(delivery);
        int number = calls.incrementAndGet();
        Object next = script.poll();
        if (next == HOLD) {
            HeldCall call = new HeldCall(delivery);
            held.add(call);
            return call.await();
        }
        if (next instanceof DeliveryResult scripted) {
            return scripted;
        }
        DeliveryResult standing = otherwise;
        return standing != null ? standing : new DeliveryResult.Sent(name + "-" + number);
    }

    /** Every delivery this provider was called with, in order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public int calls() {
        return calls.get();
    }

    /** The calls waiting for the test's answer. */
    public List<HeldCall> heldCalls() {
        return List.copyOf(held);
    }

    /** The one call waiting for the test's answer. */
    public HeldCall heldCall() {
        if (held.size() != 1) {
            throw new AssertionError(name + " holds " + held.size() + " calls, not one");
        }
        return held.get(0);
    }

    /** Answers every held call, so that no provider thread outlives the test. */
    void releaseAll() {
        held.forEach(call -> call.answer(DeliveryResult.TransientFailure.timedOut(name + ": the test ended")));
    }

    /** A call the provider has not answered yet. */
    public final class HeldCall {

        private final Delivery delivery;
        private final CompletableFuture<DeliveryResult> outcome = new CompletableFuture<>();

        private HeldCall(Delivery delivery) {
            this.delivery = delivery;
        }

        public Delivery delivery() {
            return delivery;
        }

        /** The provider answers at last; the call is no longer held as soon as this returns. */
        public void answer(DeliveryResult result) {
            held.remove(this);
            outcome.complete(result);
        }

        private DeliveryResult await() {
            try {
                return outcome.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return DeliveryResult.TransientFailure.timedOut(name + ": interrupted");
            } catch (ExecutionException | TimeoutException e) {
                return DeliveryResult.TransientFailure.timedOut(name + ": the test never answered");
            }
        }
    }
}
