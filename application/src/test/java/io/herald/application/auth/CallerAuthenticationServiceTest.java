package io.herald.application.auth;

import io.herald.application.fakes.InMemoryGeneratedApiKeyStore;
import io.herald.application.fakes.MutableClock;
import io.herald.application.port.in.AuthenticateCallerUseCase.Admin;
import io.herald.application.port.in.AuthenticateCallerUseCase.ClientUser;
import io.herald.application.port.in.AuthenticateCallerUseCase.SegmentWriter;
import io.herald.application.port.in.IssueClientTokenUseCase.IssueClientTokenCommand;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** One credential, told apart: an admin key, a Segment write key, a client token for one user, or nothing Herald knows. */
class CallerAuthenticationServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ClientTokenService tokens = new ClientTokenService("a-secret-of-at-least-thirty-two-chars", Optional.empty(), clock);
    private final CallerAuthenticationService callers = new CallerAuthenticationService(
            new ApiKeyService(List.of("admin-key"), List.of("write-key"), new InMemoryGeneratedApiKeyStore()), tokens);

    @Test
    void eachKindOfCredentialIsRecognised() {
        String token = tokens.issue(new IssueClientTokenCommand("user_id:alex inbox:read:messages", Duration.ofHours(1)));

        assertThat(callers.authenticate("admin-key")).containsInstanceOf(Admin.class);
        assertThat(callers.authenticate(" admin-key ")).as("surrounding blanks are not part of it").containsInstanceOf(Admin.class);
        assertThat(callers.authenticate("write-key")).containsInstanceOf(SegmentWriter.class);
        assertThat(callers.authenticate(token)).hasValueSatisfying(caller -> assertThat(caller).isInstanceOfSatisfying(ClientUser.class,
                user -> assertThat(user.user()).isEqualTo(UserId.of("alex"))));
    }

    @Test
    void anythingElseIsNoCaller() {
        assertThat(callers.authenticate(null)).isEmpty();
        assertThat(callers.authenticate(" ")).isEmpty();
        assertThat(callers.authenticate("guess")).isEmpty();
        assertThat(callers.authenticate("a.b.c")).as("shaped like a token, signed by nobody").isEmpty();
    }

    @Test
    void aTamperedOrExpiredTokenIsNoCaller() {
        String token = tokens.issue(new IssueClientTokenCommand("user_id:alex inbox:read:messages", Duration.ofHours(2)));
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");

        assertThat(callers.authenticate(tampered)).isEmpty();
        assertThat(callers.authenticate(token)).isPresent();

        clock.advance(Duration.ofHours(3));

        assertThat(callers.authenticate(token)).as("expired").isEmpty();
    }
}
