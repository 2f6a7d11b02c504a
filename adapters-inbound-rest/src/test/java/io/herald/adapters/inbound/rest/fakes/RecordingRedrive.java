package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.RedriveUseCase;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Answers every re-drive with {@link #REDRIVEN}. */
@Singleton
public class RecordingRedrive extends RecordingFake implements RedriveUseCase {

    public static final int REDRIVEN = 3;

    @Override
    public int redriveMessages(MessageFilter filter) {
        called("redriveMessages", filter);
        return REDRIVEN;
    }

    @Override
    public int redriveInboundEvents(Window window, Optional<String> type) {
        called("redriveInboundEvents", window, type);
        return REDRIVEN;
    }

    @Override
    public int redriveAutomationRuns(Window window, Optional<String> automationId) {
        called("redriveAutomationRuns", window, automationId);
        return REDRIVEN;
    }
}
