package io.herald.bootstrap.metrics;

import io.herald.application.port.out.OperationalMetrics;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Herald's own meters on /prometheus, labelled so that a dashboard can plot failure rate and latency per provider:
 * {@code herald_provider_attempts_total{provider,outcome}}, {@code herald_provider_latency_seconds{provider}},
 * {@code herald_messages_total{channel,provider,status}}, {@code herald_inbound_events_total{type,status}},
 * {@code herald_automation_runs_total{status}}.
 */
@Singleton
class MicrometerOperationalMetrics implements OperationalMetrics {

    private static final String NONE = "none";

    private final MeterRegistry registry;

    MicrometerOperationalMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void providerCall(String provider, String outcome, Duration latency) {
        Counter.builder("herald.provider.attempts").description("Calls to providers, by outcome: sent, transient, permanent, timeout")
                .tags("provider", provider, "outcome", outcome).register(registry).increment();
        Timer.builder("herald.provider.latency").description("How long provider calls take")
                .tags("provider", provider).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(latency);
    }

    @Override
    public void messageReached(MessageStatus status, Channel channel, String provider) {
        Counter.builder("herald.messages").description("Messages reaching each status, per channel and provider")
                .tags("channel", channel == null ? NONE : channel.wireName(), "provider", provider == null ? NONE : provider,
                        "status", status.name())
                .register(registry).increment();
    }

    @Override
    public void inboundEvent(String type, String status) {
        Counter.builder("herald.inbound.events").description("Inbound events processed, by type and outcome")
                .tags("type", type, "status", status).register(registry).increment();
    }

    @Override
    public void automationRunEnded(String status) {
        Counter.builder("herald.automation.runs").description("Automation runs that ended, by status")
                .tags("status", status).register(registry).increment();
    }
}
