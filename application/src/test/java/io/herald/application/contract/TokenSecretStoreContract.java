package io.herald.application.contract;

import io.herald.application.port.out.TokenSecretStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link TokenSecretStore} must do; run against the in-memory fake and PostgreSQL. */
public abstract class TokenSecretStoreContract {

    protected abstract TokenSecretStore emptyStore();

    @Test
    void theFirstCandidateBecomesTheSecretForGood() {
        TokenSecretStore store = emptyStore();

        assertThat(store.secretOrStore("first-secret")).isEqualTo("first-secret");
        assertThat(store.secretOrStore("second-secret")).isEqualTo("first-secret");
    }

    @Test
    void instancesStartingTogetherAgreeOnOneSecret() throws Exception {
        TokenSecretStore store = emptyStore();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String candidate = "secret-" + i;
                starts.add(() -> store.secretOrStore(candidate));
            }
            Set<String> secrets = new HashSet<>();
            for (Future<String> secret : pool.invokeAll(starts)) {
                secrets.add(secret.get());
            }
            assertThat(secrets).hasSize(1);
            assertThat(store.secretOrStore("late")).isEqualTo(secrets.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }
}
