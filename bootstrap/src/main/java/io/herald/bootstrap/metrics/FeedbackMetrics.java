package io.herald.bootstrap.metrics;

import io.herald.application.port.in.DeliverFeedbackUseCase;
import io.herald.application.port.out.FeedbackOutbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far behind engagement feedback is: events waiting, events that failed at least once, and the age of the
 * oldest waiting one ({@code herald_feedback_*} on /prometheus). Read from the outbox at most every few seconds.
 */
@Context
@Requires(property = "herald.segment.feedback.write-key")
class FeedbackMetrics {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final DeliverFeedbackUseCase feedback;
    private final AtomicReference<FeedbackOutbox.Status> last = new AtomicReference<>(new FeedbackOutbox.Status(0, 0, Duration.ZERO));
    private volatile Instant readAt = Instant.EPOCH;

    FeedbackMetrics(DeliverFeedbackUseCase feedback, MeterRegistry registry) {
        this.feedback = feedback;
        Gauge.builder("herald.feedback.pending", this, metrics -> metrics.status().pending())
                .description("Engagement events waiting to be reported to Segment").register(registry);
        Gauge.builder("herald.feedback.failing", this, metrics -> metrics.status().failing())
                .description("Waiting engagement events that Segment did not accept at least once").register(registry);
        Gauge.builder("herald.feedback.lag.seconds", this, metrics -> metrics.status().lag().toMillis() / 1000.0)
                .description("Age of the oldest engagement event waiting to be reported").register(registry);
    }

    private FeedbackOutbox.Status status() {
        if (Instant.now().isAfter(readAt.plus(REFRESH))) {
            last.set(feedback.status());
            readAt = Instant.now();
        }
        return last.get();
    }
}
