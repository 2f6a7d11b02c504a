package io.herald.application.port.out;

import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;

import java.util.List;
import java.util.Optional;

public interface PushTokenRepository {

    /** Adds the token, or overwrites the user's token with the same value. */
    void put(PushToken token);

    Optional<PushToken> find(UserId userId, String token);

    /** As {@link #find}, and holds the token until the caller's transaction ends, so that two changes take turns. */
    Optional<PushToken> lock(UserId userId, String token);

    List<PushToken> list(UserId userId);

    boolean delete(UserId userId, String token);
}
