package io.herald.application.port.in;

import io.herald.domain.automation.AutomationRunId;

/**
 * Durable work: a run's scheduled wake-up. Executes its steps from where it is until a delay or the end.
 * Running it again, or on two instances at once, executes no step twice; only the HTTP call of a fetch-data step
 * that a crash interrupted is made again.
 */
public interface AdvanceAutomationRunUseCase {

    void advance(AutomationRunId runId, int scheduledAtStep);
}
