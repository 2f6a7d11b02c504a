package io.herald.application.contract;

import io.herald.application.port.out.GeneratedApiKeyStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link GeneratedApiKeyStore} must do; run against the in-memory fake and PostgreSQL. */
public abstract class GeneratedApiKeyStoreContract {

    protected abstract GeneratedApiKeyStore emptyStore();

    @Test
    void keepsTheFirstHashOnly() {
        GeneratedApiKeyStore store = emptyStore();
        assertThat(store.findHash()).isEmpty();

        assertThat(store.storeIfAbsent("a".repeat(64))).isTrue();
        assertThat(store.storeIfAbsent("b".repeat(64))).isFalse();

        assertThat(store.findHash()).contains("a".repeat(64));
    }

    @Test
    void concurrentFirstStartsAgreeOnOneKey() throws Exception {
        GeneratedApiKeyStore store = emptyStore();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String hash = Integer.toHexString(i).repeat(64);
                attempts.add(() -> store.storeIfAbsent(hash));
            }
            long winners = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(store.findHash()).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }
}
