package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.SendMessageCommand;
import io.herald.application.port.in.SendMessageUseCase;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class RecordingSendMessage extends RecordingFake implements SendMessageUseCase {

    private volatile SendResult result;

    public RecordingSendMessage() {
        forgetAnswers();
    }

    public void answer(SendResult result) {
        this.result = result;
    }

    public SendMessageCommand onlyCommand() {
        return onlyCall("send").argument(0, SendMessageCommand.class);
    }

    @Override
    public SendResult send(SendMessageCommand command) {
        called("send", command);
        return result;
    }

    @Override
    protected void forgetAnswers() {
        result = new SendResult("1-0192a3b4c5d6-0011223344556677", List.of("1-0192a3b4c5d6-0011223344556677"));
    }
}
