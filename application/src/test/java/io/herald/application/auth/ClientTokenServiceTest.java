package io.herald.application.auth;

import io.herald.application.fakes.MutableClock;
import io.herald.application.port.in.AuthenticateCallerUseCase.ClientUser;
import io.herald.application.port.in.IssueClientTokenUseCase.IssueClientTokenCommand;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientTokenServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ClientTokenService tokens = new ClientTokenService("a-secret-of-at-least-thirty-two-chars", Optional.empty(), clock);

    private String issue(String scope, Duration lifetime) {
        return tokens.issue(new IssueClientTokenCommand(scope, lifetime));
    }

    @Test
    void aTokenCarriesItsUserAndScopesUntilItExpires() {
        String token = issue("user_id:alex inbox:read:messages read:preferences", Duration.ofHours(2));

        ClientUser user = tokens.verify(token).orElseThrow();
        assertThat(user.user()).isEqualTo(UserId.of("alex"));
        assertThat(user.scopes()).containsExactlyInAnyOrder("inbox:read:messages", "read:preferences");
        assertThat(token.split("\\.")).hasSize(3);

        clock.advance(Duration.ofHours(2));
        assertThat(tokens.verify(token)).as("expired").isEmpty();
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() {
        String token = issue("user_id:alex read:preferences", Duration.ofHours(1));
        String[] parts = token.split("\\.", -1);
        String otherUser = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8).replace("alex", "root").getBytes(UTF_8));
        ClientTokenService elsewhere = new ClientTokenService("another-secret-of-thirty-two-chars!", Optional.empty(), clock);

        assertThat(tokens.verify(parts[0] + "." + otherUser + "." + parts[2])).isEmpty();
        assertThat(elsewhere.verify(token)).isEmpty();
        assertThat(tokens.verify("not.a.token")).isEmpty();
        assertThat(tokens.verify(parts[0] + "." + parts[1] + ".")).isEmpty();
    }

    @Test
    void duringARotationThePreviousSecretStillVerifies() {
        String issuedBefore = issue("user_id:alex read:preferences", Duration.ofHours(1));
        ClientTokenService rotated = new ClientTokenService("the-new-secret-of-thirty-two-chars!", Optional.of("a-secret-of-at-least-thirty-two-chars"), clock);

        assertThat(rotated.verify(issuedBefore)).isPresent();
        String issuedAfter = rotated.issue(new IssueClientTokenCommand("user_id:alex read:preferences", Duration.ofHours(1)));
        assertThat(tokens.verify(issuedAfter)).as("the old secret alone does not know new tokens").isEmpty();
    }

    @Test
    void scopesMustNameOneUserAndOnlyKnownGrants() {
        assertThatThrownBy(() -> issue("inbox:read:messages", Duration.ofHours(1))).isInstanceOf(InvalidValueException.class)
                .hasMessage("scope must name the user: user_id:<id>");
        assertThatThrownBy(() -> issue("user_id:a user_id:b", Duration.ofHours(1))).hasMessage("scope names more than one user_id");
        assertThatThrownBy(() -> issue("user_id:a admin", Duration.ofHours(1))).hasMessageStartingWith("scope 'admin' is not one Herald knows");
        assertThatThrownBy(() -> issue("user_id:a", Duration.ofDays(31))).hasMessageContaining("at most 30 days");
    }
}
