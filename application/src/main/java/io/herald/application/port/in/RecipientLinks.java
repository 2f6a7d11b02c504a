package io.herald.application.port.in;

import io.herald.domain.profile.UserId;

import java.util.Optional;

/**
 * The links a message gives its recipient to their own preferences (DESIGN §13): the preference center, and one-click
 * unsubscribe from one topic. Each is signed for its user (and topic), so it opens without a login and cannot be
 * turned into another user's; it does not expire, as an email's links are followed long after it was sent.
 */
public interface RecipientLinks {

    String preferencesUrl(UserId user);

    String unsubscribeUrl(UserId user, String topicId);

    /** The user a preference-center link was signed for, when {@code signature} is its signature. */
    Optional<UserId> preferencesUser(String user, String signature);

    /** The user an unsubscribe link was signed for, when {@code signature} is its signature for that topic. */
    Optional<UserId> unsubscribingUser(String user, String topicId, String signature);
}
