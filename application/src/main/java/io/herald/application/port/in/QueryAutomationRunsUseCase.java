package io.herald.application.port.in;

import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;

import java.util.Optional;

/** {@code GET /automations/runs/{run_id}}. */
public interface QueryAutomationRunsUseCase {

    Optional<AutomationRun> find(AutomationRunId runId);
}
