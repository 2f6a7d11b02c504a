package io.herald.application.port.out;

import io.herald.domain.profile.UserId;

/**
 * Segment's {@code alias}: what Herald keeps for an anonymous visitor (or a user's earlier id) becomes the user's,
 * in the current transaction. The user's profile must exist; the visitor's is deleted afterwards.
 */
public interface IdentityMerger {

    /** Moves push tokens, inbox items, list and tenant memberships and preferences (the user's own win), then deletes the visitor. */
    void moveInto(UserId from, UserId into);
}
