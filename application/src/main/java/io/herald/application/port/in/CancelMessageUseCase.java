package io.herald.application.port.in;

import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;

public interface CancelMessageUseCase {

    /** Cancels a message not yet sent; a message already sent (or ended) is a ConflictException. */
    Message cancel(MessageId id);
}
