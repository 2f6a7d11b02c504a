package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.CancelMessageUseCase;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import jakarta.inject.Singleton;

@Singleton
public class RecordingCancelMessage extends RecordingFake implements CancelMessageUseCase {

    private volatile Message canceled;

    public void answer(Message canceled) {
        this.canceled = canceled;
    }

    @Override
    public Message cancel(MessageId id) {
        called("cancel", id);
        return canceled;
    }

    @Override
    protected void forgetAnswers() {
        canceled = null;
    }
}
