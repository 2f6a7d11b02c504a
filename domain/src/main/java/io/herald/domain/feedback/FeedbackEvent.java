package io.herald.domain.feedback;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One engagement event for Segment: a track call {@code event} for {@code userId} with its properties.
 *
 * @param segmentMessageId deterministic (the message id and the status reached), so that sending it again
 *                         is recognised by Segment as the same event and never counted twice
 */
public record FeedbackEvent(String segmentMessageId, MessageId messageId, String event, UserId userId,
                            Map<String, Object> properties, Instant at) {

    public FeedbackEvent {
        Objects.requireNonNull(segmentMessageId);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(event);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(at);
        properties = JsonTrees.deepCopy(properties);
    }
}
