package io.herald.domain.delivery;

import java.time.Instant;
import java.util.Optional;

/** What the failover policy needs to know of providers' health: their circuits and when each last succeeded. */
public interface ProviderCircuits {

    CircuitBreaker circuit(String provider);

    Optional<Instant> lastSuccess(String provider);
}
