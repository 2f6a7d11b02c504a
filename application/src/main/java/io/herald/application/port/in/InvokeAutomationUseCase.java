package io.herald.application.port.in;

import io.herald.domain.automation.AutomationRunId;

/** {@code POST /automations/invoke} (ad hoc) and {@code POST /automations/{id}/invoke}. */
public interface InvokeAutomationUseCase {

    /**
     * Stores the run and schedules its first step, in one transaction; the steps run asynchronously.
     * Ad hoc steps are checked as a saved automation's are.
     */
    AutomationRunId invoke(InvokeAutomationCommand command);
}
