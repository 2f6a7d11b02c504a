package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.ResendMessageUseCase;
import io.herald.domain.message.MessageId;
import jakarta.inject.Singleton;

/** Answers the id a test gives it; without one, every message is unknown. */
@Singleton
public class RecordingResendMessage extends RecordingFake implements ResendMessageUseCase {

    private volatile MessageId resent;

    public void answer(MessageId resent) {
        this.resent = resent;
    }

    @Override
    public MessageId resend(MessageId original) {
        called("resend", original);
        if (resent == null) {
            throw new NotFoundException("No message '" + original + "'");
        }
        return resent;
    }

    @Override
    protected void forgetAnswers() {
        resent = null;
    }
}
