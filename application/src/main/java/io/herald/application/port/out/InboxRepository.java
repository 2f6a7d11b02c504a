package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-app inbox: messages delivered on the inbox channel, and what the user did with them. Every change a user
 * would see is also recorded as an {@link InboxEvent} of theirs in the same transaction, so the inbox streams of every
 * instance learn of it once it commits, and a stream that reconnects resumes after the last event it had.
 */
public interface InboxRepository {

    /** Idempotent on the message id: a repeated delivery does not add a second entry (nor a second event). */
    void add(InboxEntry entry);

    Page<InboxEntry> list(UserId userId, boolean includeArchived, Optional<String> cursor, int limit);

    Optional<InboxEntry> find(UserId userId, MessageId messageId);

    /**
     * Sets the time of {@code action} (read, click, archive) if not set before.
     * @return whether it was not set before (a {@code read} or {@code archive} event is recorded then)
     */
    boolean mark(UserId userId, MessageId messageId, String action, Instant at);

    /** Clears the read time. @return whether it was read (an {@code unread} event is recorded then) */
    boolean markUnread(UserId userId, MessageId messageId, Instant at);

    /** Marks read every unread message of the inbox not archived. @return how many (one {@code read-all} event when any) */
    int markAllRead(UserId userId, Instant at);

    /**
     * Marks read the inbox entry of this message, whoever's it is, when it is unread: another channel of the same send
     * was opened or clicked. @return the user whose entry it was, when it was marked
     */
    Optional<UserId> markReadOfMessage(MessageId messageId, Instant at);

    /** Messages neither read nor archived. */
    long unreadCount(UserId userId);

    /** The user's events after {@code afterId}, oldest first, at most {@code limit}. */
    List<InboxEvent> eventsAfter(UserId userId, long afterId, int limit);

    /** The id of the user's latest event; 0 when there is none. */
    long latestEventId(UserId userId);

    record InboxEntry(MessageId messageId, UserId userId, Map<String, Object> content, Instant created, Instant read,
                      Instant clicked, Instant archived) {
    }

    /**
     * @param id increasing across the workspace, so {@code Last-Event-ID} is one number
     * @param type {@code message}, {@code read}, {@code unread}, {@code archive} or {@code read-all}
     * @param messageId the message it concerns; empty for {@code read-all}
     */
    record InboxEvent(long id, UserId userId, String type, Optional<MessageId> messageId, Instant at) {
    }
}
