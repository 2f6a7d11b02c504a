package io.herald.application.contract;

import io.herald.application.port.out.ProfileRepository;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ProfileRepository} must do; run against the in-memory fake and PostgreSQL. */
public abstract class ProfileRepositoryContract {

    protected abstract ProfileRepository emptyRepository();

    protected <T> T inTransaction(java.util.function.Supplier<T> work) {
        return work.get();
    }

    @Test
    void lockOrCreateCreatesAnEmptyProfileOnce() {
        ProfileRepository profiles = emptyRepository();
        UserId alex = UserId.of("alex");

        Profile created = inTransaction(() -> profiles.lockOrCreate(alex));
        profiles.save(created.mergedWith(Map.of("email", "a@example.org")));
        Profile again = inTransaction(() -> profiles.lockOrCreate(alex));

        assertThat(created.attributes()).isEmpty();
        assertThat(again.email()).contains("a@example.org");
    }

    @Test
    void savesAttributesOfEveryJsonTypeAndTheLastActivity() {
        ProfileRepository profiles = emptyRepository();
        Instant seen = Instant.parse("2026-01-01T12:00:00.123456Z");
        Map<String, Object> attributes = Map.of("text", "x", "int", 42, "decimal", 149.99, "flag", true,
                "list", List.of("a", 1), "nested", Map.of("deep", Map.of("er", "y")));

        profiles.save(Profile.create(UserId.of("alex")).mergedWith(attributes).activeAt(seen));

        Profile stored = profiles.find(UserId.of("alex")).orElseThrow();
        assertThat(stored.attributes()).isEqualTo(attributes);
        assertThat(stored.lastActiveAt()).contains(seen);
    }

    @Test
    void deleteReportsWhetherThereWasAProfile() {
        ProfileRepository profiles = emptyRepository();
        profiles.save(Profile.create(UserId.of("alex")));

        assertThat(profiles.delete(UserId.of("alex"))).isTrue();
        assertThat(profiles.delete(UserId.of("alex"))).isFalse();
        assertThat(profiles.find(UserId.of("alex"))).isEmpty();
    }
}
