package io.herald.application.port.out;

import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;

import java.time.Duration;

/**
 * What Herald counts for operators' dashboards ({@code herald_*} on /prometheus): provider calls by outcome and
 * their latency, the statuses messages reach, inbound events and automation runs by status.
 */
public interface OperationalMetrics {

    /** {@code outcome}: sent, transient, permanent or timeout. */
    void providerCall(String provider, String outcome, Duration latency);

    /** A message reached {@code status} on {@code channel} through {@code provider} (either may be null). */
    void messageReached(MessageStatus status, Channel channel, String provider);

    void inboundEvent(String type, String status);

    void automationRunEnded(String status);

    OperationalMetrics NONE = new OperationalMetrics() {
        @Override
        public void providerCall(String provider, String outcome, Duration latency) {
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
