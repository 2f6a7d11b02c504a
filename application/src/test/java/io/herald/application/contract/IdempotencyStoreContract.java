package io.herald.application.contract;

import io.herald.application.port.out.IdempotencyStore;
import io.herald.application.port.out.IdempotencyStore.StoredResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link IdempotencyStore} must do; run against the in-memory fake and PostgreSQL. */
public abstract class IdempotencyStoreContract {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Map<String, Object> RESPONSE = Map.of("requestId", "r-1", "messageIds", List.of("m-1", "m-2"));

    protected abstract IdempotencyStore emptyStore();

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    /** One request with an Idempotency-Key, as a send makes it: a claim, then the response, in one transaction. */
    private void firstRequest(IdempotencyStore store, String key, String requestHash, Instant at) {
        inTransaction(() -> {
            assertThat(store.claim(key, requestHash, at, WINDOW)).isEmpty();
            store.complete(key, RESPONSE);
            return null;
        });
    }

    @Test
    void aRetryGetsTheFirstRequestsResponse() {
        IdempotencyStore store = emptyStore();
        firstRequest(store, "key-1", "hash-a", NOW);

        StoredResponse retry = inTransaction(() -> store.claim("key-1", "hash-a", NOW.plusSeconds(30), WINDOW)).orElseThrow();

        assertThat(retry).isEqualTo(new StoredResponse("hash-a", RESPONSE, NOW));
    }

    @Test
    void anotherRequestWithTheKeySeesTheFirstRequestsHash() {
        IdempotencyStore store = emptyStore();
        firstRequest(store, "key-1", "hash-a", NOW);

        StoredResponse other = inTransaction(() -> store.claim("key-1", "hash-b", NOW.plusSeconds(30), WINDOW)).orElseThrow();

        assertThat(other.requestHash()).isEqualTo("hash-a");
        assertThat(inTransaction(() -> store.claim("key-2", "hash-b", NOW.plusSeconds(30), WINDOW))).isEmpty();
    }

    @Test
    void aKeyIsReplayedForTheWindowAndThenClaimedAnew() {
        IdempotencyStore store = emptyStore();
        firstRequest(store, "key-1", "hash-a", NOW);

        assertThat(inTransaction(() -> store.claim("key-1", "hash-b", NOW.plus(WINDOW).minusSeconds(1), WINDOW))).isPresent();
        Instant dayLater = NOW.plus(WINDOW).plusSeconds(1);
        firstRequest(store, "key-1", "hash-b", dayLater);

        StoredResponse retry = inTransaction(() -> store.claim("key-1", "hash-b", dayLater.plusSeconds(1), WINDOW)).orElseThrow();
        assertThat(retry.requestHash()).isEqualTo("hash-b");
        assertThat(retry.createdAt()).isEqualTo(dayLater);
    }
}
