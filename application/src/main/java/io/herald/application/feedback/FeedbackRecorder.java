package io.herald.application.feedback;

import io.herald.application.port.out.FeedbackOutbox;
import io.herald.domain.feedback.EngagementEvents;
import io.herald.domain.feedback.FeedbackEvent;
import io.herald.domain.message.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the engagement events that messages' status changes call for, in the same transaction as the
 * change; to be called before the messages are saved. Does nothing when feedback is off (no write key).
 */
public final class FeedbackRecorder {

    private final FeedbackOutbox outbox;
    private final boolean enabled;

    public FeedbackRecorder(FeedbackOutbox outbox, boolean enabled) {
        this.outbox = outbox;
        this.enabled = enabled;
    }

    public static FeedbackRecorder off() {
        return new FeedbackRecorder(null, false);
    }

    public void recordFor(List<Message> messages) {
        if (!enabled) {
            return;
        }
        List<FeedbackEvent> events = new ArrayList<>();
        for (Message message : messages) {
            events.addAll(EngagementEvents.of(message, message.newEvents()));
        }
        if (!events.isEmpty()) {
            outbox.append(events);
        }
    }
}
