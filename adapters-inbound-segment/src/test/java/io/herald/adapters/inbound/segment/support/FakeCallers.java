package io.herald.adapters.inbound.segment.support;

import io.herald.application.auth.AuthorizationHeader;
import io.herald.application.port.in.AuthenticateCallerUseCase;
import io.herald.domain.profile.UserId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Knows one admin key, one Segment write key and one client token, and records every credential it is shown. */
@Singleton
public class FakeCallers implements AuthenticateCallerUseCase {

    public static final String ADMIN_KEY = "admin-key-1";
    public static final String WRITE_KEY = "segment-write-key-1";
    public static final String CLIENT_TOKEN = "client.token.of-user_123";

    private static final Map<String, Caller> KNOWN = Map.of(ADMIN_KEY, new Admin("key_adminfinger"), WRITE_KEY, new SegmentWriter(),
            CLIENT_TOKEN, new ClientUser(UserId.of("user_123"), Set.of("inbox:read:messages")));

    private final List<String> presented = new CopyOnWriteArrayList<>();

    public List<String> presented() {
        return List.copyOf(presented);
    }

    public void reset() {
        presented.clear();
    }

    @Override
    public Optional<Caller> authenticate(String credential) {
        presented.add(credential);
        return Optional.ofNullable(KNOWN.get(credential));
    }

    /** Parses the header as Herald does, then looks the credential up like {@link #authenticate}. */
    @Override
    public Optional<Caller> authenticateHeader(String authorization, Set<Scheme> accepted) {
        return AuthorizationHeader.credential(authorization, accepted).flatMap(this::authenticate);
    }
}
