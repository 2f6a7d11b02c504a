package io.herald.application.port.in;

import java.util.List;

/** Courier's send: stores one message per recipient and answers with the request id. */
public interface SendMessageUseCase {

    SendResult send(SendMessageCommand command);

    /**
     * @param requestId  the message id for a single recipient; otherwise an id shared by the request's messages
     * @param messageIds every message created, one per recipient (a list counts each subscriber)
     */
    record SendResult(String requestId, List<String> messageIds) {
    }
}
