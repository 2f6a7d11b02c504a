package io.herald.bootstrap.wiring;

import io.herald.application.auth.ApiKeyService;
import io.herald.application.auth.CallerAuthenticationService;
import io.herald.application.auth.ClientTokenService;
import io.herald.application.auth.ConsoleSessionService;
import io.herald.application.auth.SignedRecipientLinks;
import io.herald.application.port.in.AuthenticateCallerUseCase;
import io.herald.application.port.in.IssueClientTokenUseCase;
import io.herald.application.port.in.OpenConsoleSessionUseCase;
import io.herald.application.port.in.RecipientLinks;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.GeneratedApiKeyStore;
import io.herald.application.port.out.TokenSecretStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Key kinds (DESIGN §11): admin keys ({@code herald.auth.api-keys}), Segment write keys ({@code herald.auth.write-keys})
 * and client tokens signed with {@code herald.auth.token-secret} (generated and kept in the database when unset;
 * {@code herald.auth.token-secret-previous} still verifies during a rotation).
 */
@Factory
class AuthFactory {

    @Singleton
    ApiKeyService apiKeyService(AuthConfiguration auth, GeneratedApiKeyStore store) {
        return new ApiKeyService(auth.apiKeys(), auth.writeKeys(), store);
    }

    @Singleton
    @Bean(typed = {ClientTokenService.class, IssueClientTokenUseCase.class})
    ClientTokenService clientTokens(AuthConfiguration auth, TokenSecretStore store, Clock clock) {
        return new ClientTokenService(tokenSecret(auth, store), Optional.ofNullable(auth.tokenSecretPrevious()), clock);
    }

    /** Console sessions are signed with a key derived from the same secret, so every instance resumes them. */
    @Singleton
    OpenConsoleSessionUseCase consoleSessions(AuthConfiguration auth, TokenSecretStore store, ApiKeyService keys, Clock clock) {
        return new ConsoleSessionService(tokenSecret(auth, store), keys, clock);
    }

    /**
     * A message's preference and unsubscribe links, signed with a key derived from the same secret, under
     * {@code herald.public-url}: where recipients reach Herald (behind a proxy, its public address); by default the
     * address Herald listens on.
     */
    @Singleton
    RecipientLinks recipientLinks(AuthConfiguration auth, TokenSecretStore store, @Nullable @Property(name = "herald.public-url") String publicUrl,
                                  BeanProvider<EmbeddedServer> server) {
        Supplier<String> base = publicUrl != null && !publicUrl.isBlank() ? () -> publicUrl : () -> server.get().getURL().toString();
        return new SignedRecipientLinks(base, tokenSecret(auth, store));
    }

    private static String tokenSecret(AuthConfiguration auth, TokenSecretStore store) {
        String configuredSecret = auth.tokenSecret();
        return configuredSecret == null || configuredSecret.isBlank() ? store.secretOrStore(generatedSecret()) : configuredSecret;
    }

    @Singleton
    AuthenticateCallerUseCase callers(ApiKeyService keys, ClientTokenService tokens) {
        return new CallerAuthenticationService(keys, tokens);
    }

    private static String generatedSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
