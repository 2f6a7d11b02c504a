package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The in-app inbox: messages delivered on the inbox channel, and what the user did with them. */
public interface InboxRepository {

    /** Idempotent on the message id: a repeated delivery does not add a second entry. */
    void add(InboxEntry entry);

    Page<InboxEntry> list(UserId userId, boolean includeArchived, Optional<String> cursor, int limit);

    Optional<InboxEntry> find(UserId userId, MessageId messageId);

    /** Sets the time of {@code action} (read, clicked, archived) if not set before. */
    void mark(UserId userId, MessageId messageId, String action, Instant at);

    record InboxEntry(MessageId messageId, UserId userId, Map<String, Object> content, Instant created, Instant read,
                      Instant clicked, Instant archived) {
    }
}
