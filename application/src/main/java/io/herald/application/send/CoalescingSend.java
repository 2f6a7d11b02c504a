package io.herald.application.send;

import io.herald.application.port.in.SendMessageCommand;
import io.herald.application.port.in.SendMessageUseCase;
import io.herald.application.support.GroupCommit;

/**
 * Sends with group commit: concurrent sends share a transaction and a delivery job (see {@link GroupCommit}).
 * A send with an Idempotency-Key takes its own transaction, since claiming the key may wait on another request.
 */
public final class CoalescingSend implements SendMessageUseCase, AutoCloseable {

    private final SendMessageUseCase single;
    private final GroupCommit<SendMessageCommand, SendResult> groups;

    public CoalescingSend(SendMessageUseCase single, BatchSend batch, int writerThreads, int maxRecipientsPerTransaction) {
        this.single = single;
        this.groups = new GroupCommit<>("send", batch::sendAll, command -> command.spec().to().size(), writerThreads,
                maxRecipientsPerTransaction);
    }

    @Override
    public SendResult send(SendMessageCommand command) {
        return command.idempotencyKey().isPresent() ? single.send(command) : groups.submit(command);
    }

    @Override
    public void close() {
        groups.close();
    }
}
