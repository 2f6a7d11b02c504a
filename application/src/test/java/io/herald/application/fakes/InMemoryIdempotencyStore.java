package io.herald.application.fakes;

import io.herald.application.port.out.IdempotencyStore;
import io.herald.domain.json.JsonTrees;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Claims are not held until a commit (there are no transactions here): a claim is visible at once. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final Map<String, StoredResponse> claims = new HashMap<>();

    @Override
    public synchronized Optional<StoredResponse> claim(String key, String requestHash, Instant now, Duration window) {
        StoredResponse earlier = claims.get(key);
        if (earlier != null && !earlier.createdAt().isBefore(now.minus(window))) {
            return Optional.of(earlier);
        }
        claims.put(key, new StoredResponse(requestHash, null, now));
        return Optional.empty();
    }

    @Override
    public synchronized void complete(String key, Map<String, Object> response) {
        claims.computeIfPresent(key, (k, claim) -> new StoredResponse(claim.requestHash(), JsonTrees.deepCopy(response), claim.createdAt()));
    }
}
