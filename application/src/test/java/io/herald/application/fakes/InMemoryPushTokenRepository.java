package io.herald.application.fakes;

import io.herald.application.port.out.PushTokenRepository;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A user's tokens are kept in the order they were first put, which is the order the database lists them in. */
public final class InMemoryPushTokenRepository implements PushTokenRepository {

    private final Map<UserId, Map<String, PushToken>> byUser = new LinkedHashMap<>();

    @Override
    public synchronized void put(PushToken token) {
        tokensOf(token.userId()).put(token.token(), token);
    }

    @Override
    public synchronized Optional<PushToken> find(UserId userId, String token) {
        return Optional.ofNullable(byUser.getOrDefault(userId, Map.of()).get(token));
    }

    /** Locks are not modelled (tests run one transaction at a time). */
    @Override
    public synchronized Optional<PushToken> lock(UserId userId, String token) {
        return find(userId, token);
    }

    @Override
    public synchronized List<PushToken> list(UserId userId) {
        return List.copyOf(byUser.getOrDefault(userId, Map.of()).values());
    }

    @Override
    public synchronized boolean delete(UserId userId, String token) {
        return byUser.getOrDefault(userId, new LinkedHashMap<>()).remove(token) != null;
    }

    /** For {@link InMemoryIdentityMerger}: the user's own token of the same value wins. */
    synchronized void moveInto(UserId from, UserId into) {
        Map<String, PushToken> visitor = byUser.remove(from);
        if (visitor != null) {
            visitor.values().forEach(t -> tokensOf(into).putIfAbsent(t.token(), new PushToken(into, t.token(), t.providerKey(), t.device(),
                    t.tracking(), t.properties(), t.expiresAt(), t.status(), t.statusReason())));
        }
    }

    /** For {@link InMemoryPersonalDataEraser}. */
    synchronized void erase(UserId userId) {
        byUser.remove(userId);
    }

    private Map<String, PushToken> tokensOf(UserId userId) {
        return byUser.computeIfAbsent(userId, user -> new LinkedHashMap<>());
    }
}
