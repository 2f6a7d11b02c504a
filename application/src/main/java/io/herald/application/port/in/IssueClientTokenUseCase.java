package io.herald.application.port.in;

import io.herald.domain.shared.InvalidValueException;

import java.time.Duration;

/** Courier's {@code POST /auth/issue-token}: a token for one user, with scopes, valid for a while. */
public interface IssueClientTokenUseCase {

    String issue(IssueClientTokenCommand command);

    /**
     * @param scope     space-separated, as Courier's: {@code user_id:<id>} and any of {@link #SCOPES}
     * @param expiresIn how long it is valid (at most {@link #MAX_LIFETIME})
     */
    record IssueClientTokenCommand(String scope, Duration expiresIn) {

        public static final java.util.Set<String> SCOPES = java.util.Set.of("read:messages", "inbox:read:messages",
                "inbox:write:events", "read:preferences", "write:preferences", "read:user-tokens", "write:user-tokens");
        public static final Duration MAX_LIFETIME = Duration.ofDays(30);

        public IssueClientTokenCommand {
            if (scope == null || scope.isBlank()) {
                throw new InvalidValueException("scope is required: \"user_id:<id> inbox:read:messages …\"");
            }
            if (expiresIn.isNegative() || expiresIn.isZero() || expiresIn.compareTo(MAX_LIFETIME) > 0) {
                throw new InvalidValueException("expires_in must be a duration above zero and at most 30 days");
            }
        }
    }
}
