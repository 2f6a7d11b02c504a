package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;

import java.util.Optional;

/** A user's in-app inbox: read it, and mark a message read, unread, clicked or archived, or everything read. */
public interface ManageInboxUseCase {

    Page<InboxEntry> list(UserId userId, boolean includeArchived, Optional<String> cursor, int limit);

    /** Messages neither read nor archived: the badge. */
    long unreadCount(UserId userId);

    /**
     * Marks read every message of the inbox that is not; they are read, not opened: the user did not open each one, so
     * no engagement is recorded for them. @return how many
     */
    int readAll(UserId userId);

    /**
     * Records the user's action on a message of their inbox; reading counts as the message opened, clicking as
     * clicked. An unknown message is a NotFoundException.
     */
    InboxEntry act(UserId userId, MessageId messageId, Action action);

    enum Action {
        READ("read"), UNREAD("unread"), CLICK("click"), ARCHIVE("archive");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
