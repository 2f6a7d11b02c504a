package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.in.ManageInboxUseCase;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

@Singleton
public class RecordingManageInbox extends RecordingFake implements ManageInboxUseCase {

    private volatile Page<InboxEntry> page;
    private volatile InboxEntry acted;

    public RecordingManageInbox() {
        forgetAnswers();
    }

    public void answerList(Page<InboxEntry> page) {
        this.page = page;
    }

    public void answerAct(InboxEntry acted) {
        this.acted = acted;
    }

    @Override
    public Page<InboxEntry> list(UserId userId, boolean includeArchived, Optional<String> cursor, int limit) {
        called("list", userId, includeArchived, cursor, limit);
        return page;
    }

    @Override
    public long unreadCount(UserId userId) {
        called("unreadCount", userId);
        return 3;
    }

    @Override
    public int readAll(UserId userId) {
        called("readAll", userId);
        return 2;
    }

    @Override
    public InboxEntry act(UserId userId, MessageId messageId, Action action) {
        called("act", userId, messageId, action);
        return acted;
    }

    @Override
    protected void forgetAnswers() {
        page = new Page<>(List.of(), null);
        acted = null;
    }
}
