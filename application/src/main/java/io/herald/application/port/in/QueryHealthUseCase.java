package io.herald.application.port.in;

import io.herald.application.port.out.FeedbackOutbox;
import io.herald.application.port.out.OperationalStatus.Backlog;
import io.herald.domain.delivery.CircuitBreaker;
import io.herald.domain.routing.Channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Is this instance healthy, and what is it struggling with (DESIGN §10)? Only an unreachable database makes it
 * DOWN: provider circuits and feedback lag are reported, never a reason to take an instance out of rotation.
 */
public interface QueryHealthUseCase {

    boolean isUp();

    Report report();

    /**
     * @param backlog  empty when the database does not answer
     * @param feedback empty when feedback to Segment is off, or the database does not answer
     */
    record Report(boolean up, boolean schedulerEnabled, Optional<Backlog> backlog, Optional<FeedbackOutbox.Status> feedback,
                  List<Provider> providers) {
    }

    /** @param settings what it was configured with, never a credential ({@link io.herald.application.port.out.ChannelSender#settings}) */
    record Provider(Set<Channel> channels, ProviderStatus status, Map<String, String> settings) {

        public Provider(Set<Channel> channels, ProviderStatus status) {
            this(channels, status, Map.of());
        }
    }

    /** How one provider has been doing on this instance over the last 15 minutes, and its circuit. */
    record ProviderStatus(String provider, long attempts, long failures, int consecutiveFailures,
                          Optional<Instant> lastSuccess, Optional<Instant> lastFailure, Optional<String> lastError,
                          CircuitBreaker.State circuit) {
    }
}
