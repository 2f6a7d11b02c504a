package io.herald.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The responses of requests sent with an {@code Idempotency-Key}, kept so that a retry gets the first response.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for the current transaction, or returns what the first request with this key stored
     * within {@code window}. A concurrent first request holds the claim until it commits; this call then waits.
     * A claim older than the window is taken over.
     */
    Optional<StoredResponse> claim(String key, String requestHash, Instant now, Duration window);

    void complete(String key, Map<String, Object> response);

    record StoredResponse(String requestHash, Map<String, Object> response, Instant createdAt) {
    }
}
