package io.herald.application.inbox;

import io.herald.application.delivery.InboxSender;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageInboxUseCase;
import io.herald.application.port.in.RecordEngagementUseCase;
import io.herald.application.port.in.RecordEngagementUseCase.EngagementReport;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.InboxRepository;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.Optional;

public final class InboxService implements ManageInboxUseCase {

    private final InboxRepository inbox;
    private final RecordEngagementUseCase engagement;
    private final Clock clock;

    public InboxService(InboxRepository inbox, RecordEngagementUseCase engagement, Clock clock) {
        this.inbox = inbox;
        this.engagement = engagement;
        this.clock = clock;
    }

    @Override
    public Page<InboxEntry> list(UserId userId, boolean includeArchived, Optional<String> cursor, int limit) {
        return inbox.list(userId, includeArchived, cursor, limit);
    }

    @Override
    public long unreadCount(UserId userId) {
        return inbox.unreadCount(userId);
    }

    @Override
    public int readAll(UserId userId) {
        return inbox.markAllRead(userId, clock.now());
    }

    @Override
    public InboxEntry act(UserId userId, MessageId messageId, Action action) {
        if (inbox.find(userId, messageId).isEmpty()) {
            throw new NotFoundException("User '" + userId + "' has no inbox message '" + messageId + "'");
        }
        Instant now = clock.now();
        if (action == Action.UNREAD) {
            inbox.markUnread(userId, messageId, now);
        } else {
            inbox.mark(userId, messageId, action.wireName(), now);
        }
        RecordEngagementUseCase.Kind kind = switch (action) {
            case READ -> RecordEngagementUseCase.Kind.OPENED;
            case CLICK -> RecordEngagementUseCase.Kind.CLICKED;
            case UNREAD, ARCHIVE -> null;
        };
        if (kind != null) {
            engagement.record(new EngagementReport(InboxSender.NAME, Optional.of(messageId), Optional.of(messageId.value()), kind, now,
                    Optional.empty()));
        }
        return inbox.find(userId, messageId).orElseThrow();
    }
}
