package io.herald.application.send;

import io.herald.application.port.in.SendMessageCommand;
import io.herald.application.port.in.SendMessageUseCase.SendResult;
import io.herald.application.support.GroupCommit.Outcome;

import java.util.List;

/** Stores several sends in one transaction; {@link CoalescingSend} groups concurrent requests into such calls. */
public interface BatchSend {

    /** One outcome per command, in order. */
    List<Outcome<SendResult>> sendAll(List<SendMessageCommand> commands);
}
