package io.herald.application.port.in;

import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;

import java.util.List;
import java.util.Optional;

/** Courier's user tokens API. */
public interface ManagePushTokensUseCase {

    void put(PushToken token);

    /** Puts them all in one transaction: each replaces a stored token of the same value, the others stay. */
    void putAll(List<PushToken> tokens);

    Optional<PushToken> find(UserId userId, String token);

    List<PushToken> list(UserId userId);

    void delete(UserId userId, String token);

    /** Courier's token update: a JSON Patch of the stored token, all or nothing; an unknown token is a NotFoundException. */
    void patch(UserId userId, String token, List<PushToken.Patch> operations);
}
