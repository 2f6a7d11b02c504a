package io.herald.application.auth;

import io.herald.application.port.in.AuthenticateCallerUseCase;

import java.util.Optional;
import java.util.Set;

/** One place that tells admin keys, Segment write keys and client tokens apart. */
public final class CallerAuthenticationService implements AuthenticateCallerUseCase {

    private final ApiKeyService keys;
    private final ClientTokenService tokens;

    public CallerAuthenticationService(ApiKeyService keys, ClientTokenService tokens) {
        this.keys = keys;
        this.tokens = tokens;
    }

    @Override
    public Optional<Caller> authenticate(String credential) {
        if (credential == null || credential.isBlank()) {
            return Optional.empty();
        }
        String presented = credential.trim();
        if (presented.chars().filter(c -> c == '.').count() == 2) {
            return tokens.verify(presented).map(Caller.class::cast);
        }
        if (keys.isValid(presented)) {
            return Optional.of(new Admin(ApiKeyService.fingerprint(presented)));
        }
        return keys.isWriteKey(presented) ? Optional.of(new SegmentWriter()) : Optional.empty();
    }

    @Override
    public Optional<Caller> authenticateHeader(String authorization, Set<Scheme> accepted) {
        return AuthorizationHeader.credential(authorization, accepted).flatMap(this::authenticate);
    }
}
