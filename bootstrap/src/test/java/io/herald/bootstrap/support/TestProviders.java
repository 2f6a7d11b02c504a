package io.herald.bootstrap.support;

import io.herald.application.port.out.ChannelSender;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.routing.Channel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remote providers for pipeline tests ({@code herald.test.providers=true}): {@code counting} accepts everything
 * and counts each call per message, across every Herald instance in the JVM; {@code flaky} fails transiently a
 * set number of times per message before accepting; {@code rejecting} fails permanently.
 */
@Factory
@Requires(property = "herald.test.providers", value = "true")
public class TestProviders {

    public static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    /** Which Herald instance (application context) made each call: its providers are its own objects. */
    public static final Map<String, Set<Integer>> INSTANCES = new ConcurrentHashMap<>();
    public static final List<ChannelSender.Delivery> DELIVERIES = new CopyOnWriteArrayList<>();
    public static final AtomicInteger FLAKY_FAILURES_BEFORE_SUCCESS = new AtomicInteger(2);
    private static final Map<String, AtomicInteger> FLAKY_CALLS = new ConcurrentHashMap<>();

    public static void reset() {
        CALLS.clear();
        INSTANCES.clear();
        DELIVERIES.clear();
        FLAKY_CALLS.clear();
        FLAKY_FAILURES_BEFORE_SUCCESS.set(2);
    }

    public static int calls(String provider, String messageId) {
        return CALLS.getOrDefault(provider + "/" + messageId, new AtomicInteger()).get();
    }

    @Singleton
    ChannelSender counting() {
        return sender("counting", delivery -> new DeliveryResult.Sent("counting-" + delivery.messageId()));
    }

    @Singleton
    ChannelSender flaky() {
        return sender("flaky", delivery -> {
            int call = FLAKY_CALLS.computeIfAbsent(delivery.messageId().value(), id -> new AtomicInteger()).incrementAndGet();
            return call <= FLAKY_FAILURES_BEFORE_SUCCESS.get()
                    ? new DeliveryResult.TransientFailure("503 Service Unavailable (call " + call + ")")
                    : new DeliveryResult.Sent("flaky-" + delivery.messageId());
        });
    }

    @Singleton
    ChannelSender rejecting() {
        return sender("rejecting", delivery -> new DeliveryResult.PermanentFailure("400 invalid address"));
    }

    private static ChannelSender sender(String name, java.util.function.Function<ChannelSender.Delivery, DeliveryResult> behaviour) {
        return new ChannelSender() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Channel> channels() {
                return EnumSet.allOf(Channel.class);
            }

            @Override
            public boolean local() {
                return false;
            }

            @Override
            public DeliveryResult send(Delivery delivery) {
                CALLS.computeIfAbsent(name + "/" + delivery.messageId().value(), key -> new AtomicInteger()).incrementAndGet();
                INSTANCES.computeIfAbsent(name, key -> ConcurrentHashMap.newKeySet()).add(System.identityHashCode(this));
                DELIVERIES.add(delivery);
                return behaviour.apply(delivery);
            }
        };
    }
}
