package io.herald.application.feedback;

import io.herald.domain.delivery.Backoff;
import io.herald.application.port.in.DeliverFeedbackUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.EngagementFeedback;
import io.herald.application.port.out.FeedbackOutbox;
import io.herald.application.port.out.FeedbackOutbox.Pending;
import io.herald.application.support.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Takes due events from the outbox and reports them to Segment. Runs outside any send: a Segment outage delays
 * feedback (the lag is visible in metrics and the log) and never a message. Failed events are retried with
 * backoff (doubling from the first retry delay, 5 s by default, to 10 min) for as long as it takes.
 */
public final class FeedbackDriver implements DeliverFeedbackUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackDriver.class);
    private static final Duration MAX_RETRY = Duration.ofMinutes(10);
    private static final int BATCH = 100;

    private final FeedbackOutbox outbox;
    private final Optional<EngagementFeedback> segment;
    private final Backoff backoff;
    private final Clock clock;

    public FeedbackDriver(FeedbackOutbox outbox, Optional<EngagementFeedback> segment, Duration firstRetry, Clock clock) {
        this.outbox = outbox;
        this.segment = segment;
        this.backoff = new Backoff(firstRetry, MAX_RETRY.compareTo(firstRetry) < 0 ? firstRetry : MAX_RETRY);
        this.clock = clock;
    }

    @Override
    public void deliverAllDue() {
        while (deliverBatch(BATCH) == BATCH) {
            // more are due: keep going until the backlog is reported
        }
    }

    /** @return how many events were reported (fewer than {@code limit}: none is left that is due, or a failure) */
    private int deliverBatch(int limit) {
        if (segment.isEmpty()) {
            return 0;
        }
        List<Pending> due = outbox.due(limit, clock.now());
        if (due.isEmpty()) {
            return 0;
        }
        List<Long> ids = due.stream().map(Pending::id).toList();
        try {
            segment.get().send(due.stream().map(Pending::event).toList());
        } catch (RuntimeException failure) {
            int attempts = due.stream().mapToInt(Pending::attempts).max().orElse(0) + 1;
            Instant retryAt = clock.now().plus(backoff.delay(attempts));
            outbox.markFailed(ids, failure.toString(), retryAt);
            LOG.warn("Engagement feedback: Segment did not accept {} events ({}); retrying at {} (attempt {})",
                    ids.size(), LogSafe.redact(failure.getMessage()), retryAt, attempts);
            return 0;
        }
        outbox.markDelivered(ids, clock.now());
        return ids.size();
    }

    @Override
    public FeedbackOutbox.Status status() {
        return outbox.status();
    }

}
