package io.herald.application.contract;

import io.herald.application.port.out.PushTokenRepository;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link PushTokenRepository} must do; run against the in-memory fake and PostgreSQL. */
public abstract class PushTokenRepositoryContract {

    private static final UserId ALEX = UserId.of("alex");
    private static final UserId KIM = UserId.of("kim");

    protected abstract PushTokenRepository emptyRepository();

    private static PushToken token(UserId user, String token) {
        return new PushToken(user, token, "firebase-fcm", null, null, null, null, null, null);
    }

    @Test
    void aTokenIsReadBackWithEverythingItCarries_andPuttingItAgainOverwritesIt() {
        PushTokenRepository tokens = emptyRepository();
        PushToken full = new PushToken(ALEX, "fcm-1", "firebase-fcm", Map.of("platform", "android", "app_version", "2.1"),
                Map.of("os_version", 14), List.of("beta", Map.of("cohort", 3)), Instant.parse("2027-01-01T00:00:00.123456Z"),
                "unknown", "not seen lately");
        tokens.put(full);
        assertThat(tokens.find(ALEX, "fcm-1")).contains(full);
        assertThat(tokens.lock(ALEX, "fcm-1")).as("locked for a change, read the same").contains(full);
        assertThat(tokens.lock(KIM, "fcm-1")).isEmpty();

        PushToken bare = new PushToken(ALEX, "fcm-1", "apn", null, null, null, null, null, null);
        tokens.put(bare);

        assertThat(tokens.find(ALEX, "fcm-1")).contains(bare);
        assertThat(tokens.find(ALEX, "fcm-1").orElseThrow().status()).isEqualTo(PushToken.ACTIVE);
        assertThat(tokens.list(ALEX)).hasSize(1);
        assertThat(tokens.find(ALEX, "unknown")).isEmpty();
    }

    @Test
    void tokensAreEachUsersOwnAndListedInTheOrderTheyWereFirstPut() {
        PushTokenRepository tokens = emptyRepository();
        tokens.put(token(ALEX, "zeta"));
        tokens.put(token(ALEX, "alpha"));
        tokens.put(token(KIM, "zeta"));
        tokens.put(token(ALEX, "mu"));
        tokens.put(new PushToken(ALEX, "zeta", "expo", null, null, null, null, "failed", "unregistered"));

        assertThat(tokens.list(ALEX)).extracting(PushToken::token).containsExactly("zeta", "alpha", "mu");
        assertThat(tokens.list(ALEX).get(0).status()).isEqualTo("failed");
        assertThat(tokens.list(KIM)).containsExactly(token(KIM, "zeta"));
        assertThat(tokens.list(UserId.of("nobody"))).isEmpty();
    }

    @Test
    void deleteReportsWhetherTheUserHadTheToken() {
        PushTokenRepository tokens = emptyRepository();
        tokens.put(token(ALEX, "fcm-1"));
        tokens.put(token(KIM, "fcm-1"));

        assertThat(tokens.delete(ALEX, "fcm-1")).isTrue();
        assertThat(tokens.delete(ALEX, "fcm-1")).isFalse();
        assertThat(tokens.delete(UserId.of("nobody"), "fcm-1")).isFalse();
        assertThat(tokens.find(ALEX, "fcm-1")).isEmpty();
        assertThat(tokens.find(KIM, "fcm-1")).isPresent();
    }
}
