package io.herald.bootstrap.metrics;

import io.herald.application.port.out.OperationalMetrics;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Herald's own meters on /prometheus, labelled so that a dashboard can plot failure rate and latency per provider:
 * {@code herald_provider_attempts_total{provider,outcome}}, {@code herald_provider_latency_seconds{provider}},
 * {@code herald_messages_total{channel,provider,status}}, {@code herald_inbound_events_total{type,status}},
 * {@code herald_automation_runs_total{status}}. Meters are looked up once per label set: these are called per message.
 */
@Singleton
class MicrometerOperationalMetrics implements OperationalMetrics {

    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    MicrometerOperationalMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void providerCall(String provider, String outcome, Duration latency) {
        counter("herald.provider.attempts", "Calls to providers, by outcome: sent, transient, permanent, timeout",
                "provider", provider, "outcome", outcome).increment();
        latencies.computeIfAbsent(provider, name -> Timer.builder("herald.provider.latency").description("How long provider calls take")
                .tags("provider", name).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry)).record(latency);
    }

    @Override
    public void messageReached(MessageStatus status, Channel channel, String provider) {
        counter("herald.messages", "Messages reaching each status, per channel and provider",
                "channel", channel == null ? NONE : channel.wireName(), "provider", provider == null ? NONE : provider,
                "status", status.name()).increment();
    }

    @Override
    public void inboundEvent(String type, String status) {
        counter("herald.inbound.events", "Inbound events processed, by type and outcome", "type", type, "status", status).increment();
    }

    @Override
    public void automationRunEnded(String status) {
        counter("herald.automation.runs", "Automation runs that ended, by status", "status", status).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        List<String> key = new ArrayList<>(tags.length + 1);
        key.add(name);
        key.addAll(List.of(tags));
        return counters.computeIfAbsent(key, ignored -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
