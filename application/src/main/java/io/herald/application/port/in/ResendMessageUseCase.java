package io.herald.application.port.in;

import io.herald.domain.message.MessageId;

/** Courier's resend: a new message to the same recipient with the same content, sent now. */
public interface ResendMessageUseCase {

    /**
     * Enqueues a copy of the message (its spec without delay or expiry; it goes through preferences and routing again,
     * and belongs to no automation run). An unknown id is a NotFoundException.
     *
     * @return the new message's id
     */
    MessageId resend(MessageId original);
}
