package io.herald.domain.bulk;

import io.herald.domain.json.JsonTrees;

import java.util.Map;
import java.util.Optional;

/**
 * A user of a bulk job, in the order added ({@code seq}): Courier's {@code InboundBulkMessageUser} as given, PENDING
 * until the job reaches it, then ENQUEUED with its message or ERROR with why.
 */
public record BulkUser(long seq, Map<String, Object> user, Status status, Optional<String> messageId, Optional<String> error) {

    public enum Status {
        PENDING, ENQUEUED, ERROR
    }

    public BulkUser {
        user = JsonTrees.deepCopy(user);
        messageId = messageId == null ? Optional.empty() : messageId;
        error = error == null ? Optional.empty() : error;
    }
}
