package io.herald.bootstrap.wiring;

import io.herald.adapters.outbound.segment.FeedbackSettings;
import io.herald.application.feedback.FeedbackDriver;
import io.herald.application.feedback.FeedbackRecorder;
import io.herald.application.port.in.DeliverFeedbackUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.EngagementFeedback;
import io.herald.application.port.out.FeedbackOutbox;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Engagement feedback to Segment: on when {@code herald.segment.feedback.write-key} is set (the Segment adapter
 * then provides an {@link EngagementFeedback}), off otherwise.
 */
@Factory
class FeedbackFactory {

    @Singleton
    FeedbackRecorder feedbackRecorder(FeedbackOutbox outbox, Optional<EngagementFeedback> segment) {
        return segment.isPresent() ? new FeedbackRecorder(outbox, true) : FeedbackRecorder.off();
    }

    @Singleton
    DeliverFeedbackUseCase deliverFeedback(FeedbackOutbox outbox, Optional<EngagementFeedback> segment,
                                           FeedbackSettings settings, Clock clock) {
        return new FeedbackDriver(outbox, segment, settings.firstRetryDelay(), clock);
    }
}
