package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.auth.AuthorizationHeader;
import io.herald.application.port.in.AuthenticateCallerUseCase;
import io.herald.domain.profile.UserId;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Knows one admin key and one Segment write key; tests add client tokens. Records every credential it is shown. */
@Singleton
public class FakeCallers extends RecordingFake implements AuthenticateCallerUseCase {

    public static final String ADMIN_KEY = "admin-key-1";
    public static final String WRITE_KEY = "segment-write-key-1";

    private final Map<String, Caller> known = new ConcurrentHashMap<>();

    public FakeCallers() {
        forgetAnswers();
    }

    /** {@code token} is a client token of {@code userId} with {@code scopes}. */
    public void knowClientToken(String token, String userId, String... scopes) {
        known.put(token, new ClientUser(UserId.of(userId), Set.of(scopes)));
    }

    @Override
    public Optional<Caller> authenticate(String credential) {
        called("authenticate", credential);
        return Optional.ofNullable(known.get(credential));
    }

    /** Parses the header as Herald does, then looks the credential up like {@link #authenticate}. */
    @Override
    public Optional<Caller> authenticateHeader(String authorization, Set<Scheme> accepted) {
        return AuthorizationHeader.credential(authorization, accepted).flatMap(this::authenticate);
    }

    @Override
    protected void forgetAnswers() {
        known.clear();
        known.put(ADMIN_KEY, new Admin("key_adminfinger"));
        known.put(WRITE_KEY, new SegmentWriter());
    }
}
