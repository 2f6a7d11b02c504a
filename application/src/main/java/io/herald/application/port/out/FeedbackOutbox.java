package io.herald.application.port.out;

import io.herald.domain.feedback.FeedbackEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Engagement events waiting to be reported to Segment. They are appended in the transaction of the status
 * change they report, so none is lost, and taken from here by whoever reports them.
 */
public interface FeedbackOutbox {

    /** Idempotent on {@link FeedbackEvent#segmentMessageId()}: an event recorded again is not duplicated. */
    void append(List<FeedbackEvent> events);

    /** The oldest undelivered events whose next attempt is due. */
    List<Pending> due(int limit, Instant now);

    void markDelivered(List<Long> ids, Instant at);

    void markFailed(List<Long> ids, String error, Instant nextAttemptAt);

    Status status();

    record Pending(long id, FeedbackEvent event, int attempts) {
    }

    /**
     * @param failing undelivered events that failed at least once
     * @param lag     how long the oldest undelivered event has waited since it was recorded (zero when none waits)
     */
    record Status(long pending, long failing, Duration lag) {
    }
}
