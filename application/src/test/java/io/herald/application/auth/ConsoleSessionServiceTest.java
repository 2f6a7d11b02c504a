package io.herald.application.auth;

import io.herald.application.fakes.InMemoryGeneratedApiKeyStore;
import io.herald.application.fakes.MutableClock;
import io.herald.application.port.in.OpenConsoleSessionUseCase.ConsoleSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSessionServiceTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-chars";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryGeneratedApiKeyStore store = new InMemoryGeneratedApiKeyStore();
    private final ApiKeyService keys = new ApiKeyService(List.of("admin-key-one", "admin-key-two"), List.of("write-key"), store);
    private final ConsoleSessionService sessions = new ConsoleSessionService(SECRET, keys, clock);

    @Test
    void anAdminKeyOpensASessionThatEveryInstanceResumesForTwelveHours() {
        ConsoleSession session = sessions.signIn("admin-key-one").orElseThrow();
        ConsoleSessionService otherInstance = new ConsoleSessionService(SECRET, keys, clock);

        assertThat(session.cookieValue()).doesNotContain("admin-key-one");
        assertThat(session.actor()).as("the audit trail's name for the key").isEqualTo(ApiKeyService.fingerprint("admin-key-one"));
        assertThat(otherInstance.resume(session.cookieValue())).contains(session);
        assertThat(sessions.resume(sessions.signIn("admin-key-two").orElseThrow().cookieValue()).orElseThrow().actor())
                .isEqualTo(ApiKeyService.fingerprint("admin-key-two"));
        clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertThat(sessions.resume(session.cookieValue())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.resume(session.cookieValue())).as("expired").isEmpty();
    }

    @Test
    void onlyAdminKeysSignIn() {
        assertThat(sessions.signIn("write-key")).isEmpty();
        assertThat(sessions.signIn("wrong")).isEmpty();
        assertThat(sessions.signIn("")).isEmpty();
        assertThat(sessions.signIn(null)).isEmpty();
    }

    @Test
    void aTamperedForeignOrMalformedCookieIsNoSession() {
        String cookie = sessions.signIn("admin-key-one").orElseThrow().cookieValue();
        String[] parts = cookie.split("\\.", -1);
        String laterExpiry = String.join(".", parts[0], parts[1], Long.toString(Long.parseLong(parts[2]) + 86_400), parts[3], parts[4]);
        ConsoleSessionService otherSecret = new ConsoleSessionService("another-secret-of-thirty-two-chars!", keys, clock);

        assertThat(sessions.resume(laterExpiry)).isEmpty();
        assertThat(otherSecret.resume(cookie)).isEmpty();
        assertThat(sessions.resume("v1.a.b.c.%%%")).isEmpty();
        assertThat(sessions.resume("garbage")).isEmpty();
        assertThat(sessions.resume(null)).isEmpty();
    }

    @Test
    void rotatingAKeyOutEndsItsSessionsAndNoOthers() {
        String one = sessions.signIn("admin-key-one").orElseThrow().cookieValue();
        String two = sessions.signIn("admin-key-two").orElseThrow().cookieValue();
        ConsoleSessionService afterRotation = new ConsoleSessionService(SECRET,
                new ApiKeyService(List.of("admin-key-two"), List.of(), store), clock);

        assertThat(afterRotation.resume(one)).isEmpty();
        assertThat(afterRotation.resume(two)).isPresent();
    }

    @Test
    void eachSessionHasItsOwnCsrfTokenAndAcceptsOnlyIt() {
        ConsoleSession first = sessions.signIn("admin-key-one").orElseThrow();
        ConsoleSession second = sessions.signIn("admin-key-one").orElseThrow();

        assertThat(first.csrfToken()).isNotEqualTo(second.csrfToken());
        assertThat(first.acceptsCsrfToken(first.csrfToken())).isTrue();
        assertThat(first.acceptsCsrfToken(second.csrfToken())).isFalse();
        assertThat(first.acceptsCsrfToken(null)).isFalse();
        assertThat(first.acceptsCsrfToken("")).isFalse();
    }

    @Test
    void theGeneratedKeyOpensSessionsWhenNoneIsConfigured() {
        ApiKeyService generated = new ApiKeyService(List.of(), store);
        String key = generated.provisionKeyIfNoneConfigured().orElseThrow();
        ConsoleSessionService withGenerated = new ConsoleSessionService(SECRET, generated, clock);

        String cookie = withGenerated.signIn(key).orElseThrow().cookieValue();
        assertThat(withGenerated.resume(cookie)).isPresent();
    }
}
