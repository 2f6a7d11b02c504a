package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.InvokeAutomationCommand;
import io.herald.application.port.in.InvokeAutomationUseCase;
import io.herald.domain.automation.AutomationRunId;
import jakarta.inject.Singleton;

@Singleton
public class RecordingInvokeAutomation extends RecordingFake implements InvokeAutomationUseCase {

    public static final AutomationRunId RUN_ID = new AutomationRunId("run-0192a3b4c5d6-8899aabbccddeeff");

    public InvokeAutomationCommand onlyCommand() {
        return onlyCall("invoke").argument(0, InvokeAutomationCommand.class);
    }

    @Override
    public AutomationRunId invoke(InvokeAutomationCommand command) {
        called("invoke", command);
        return RUN_ID;
    }
}
