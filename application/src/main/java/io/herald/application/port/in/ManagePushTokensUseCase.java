package io.herald.application.port.in;

import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;

import java.util.List;
import java.util.Optional;

/** Courier's user tokens API. */
public interface ManagePushTokensUseCase {

    void put(PushToken token);

    Optional<PushToken> find(UserId userId, String token);

    List<PushToken> list(UserId userId);

    void delete(UserId userId, String token);

    /** Courier's token update: a JSON Patch of the stored token, all or nothing; an unknown token is a NotFoundException. */
    void patch(UserId userId, String token, List<PushToken.Patch> operations);
}
