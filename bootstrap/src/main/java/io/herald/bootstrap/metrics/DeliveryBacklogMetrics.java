package io.herald.bootstrap.metrics;

import io.herald.application.port.out.Clock;
import io.herald.application.port.out.OperationalStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code herald_delivery_backlog}: durable work (deliveries, retries, automation wake-ups) that is due and not yet
 * started by any instance, and {@code herald_delivery_backlog_oldest_seconds}, how long the oldest has waited. A
 * growing backlog means the scheduler threads cannot keep up. Read at most every few seconds.
 */
@Context
class DeliveryBacklogMetrics {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final OperationalStatus status;
    private final Clock clock;
    private final AtomicReference<OperationalStatus.Backlog> last = new AtomicReference<>(new OperationalStatus.Backlog(0, Duration.ZERO));
    private volatile Instant readAt = Instant.EPOCH;

    DeliveryBacklogMetrics(OperationalStatus status, Clock clock, MeterRegistry registry) {
        this.status = status;
        this.clock = clock;
        Gauge.builder("herald.delivery.backlog", this, metrics -> metrics.backlog().due())
                .description("Durable work due and not started on any instance").register(registry);
        Gauge.builder("herald.delivery.backlog.oldest.seconds", this, metrics -> metrics.backlog().oldestDueAge().toMillis() / 1000.0)
                .description("How long the oldest due and unstarted work has waited").register(registry);
    }

    private OperationalStatus.Backlog backlog() {
        if (Instant.now().isAfter(readAt.plus(REFRESH))) {
            try {
                last.set(status.backlog(clock.now()));
            } catch (RuntimeException databaseUnavailable) {
                // keep the last reading: health reports the database itself
            }
            readAt = Instant.now();
        }
        return last.get();
    }
}
