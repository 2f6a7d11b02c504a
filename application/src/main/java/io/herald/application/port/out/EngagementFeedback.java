package io.herald.application.port.out;

import io.herald.domain.feedback.FeedbackEvent;

import java.util.List;

/** Reports engagement events to Segment. */
public interface EngagementFeedback {

    /**
     * Returns once Segment accepted every event; throws if it did not accept them all (they are sent again
     * later; Segment recognises a repeat by its message id).
     */
    void send(List<FeedbackEvent> events);
}
