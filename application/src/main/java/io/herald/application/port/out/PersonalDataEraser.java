package io.herald.application.port.out;

import io.herald.domain.profile.UserId;

/**
 * Erasure (DESIGN §11): everything Herald keeps about one user, in the current transaction. Preferences, push tokens,
 * list and tenant memberships and the inbox go; their messages stay for analytics (status, timestamps, channel,
 * provider) with the addresses, data, rendered content and provider error texts removed.
 */
public interface PersonalDataEraser {

    void erase(UserId userId);
}
