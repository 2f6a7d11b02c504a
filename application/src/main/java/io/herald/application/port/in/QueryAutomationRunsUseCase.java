package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.StepStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /automations/runs/{run_id}}. */
public interface QueryAutomationRunsUseCase {

    Optional<AutomationRun> find(AutomationRunId runId);

    /** Courier's {@code GET /automations/runs}: newest first, filtered, a page at a time. */
    Page<AutomationRun> list(AutomationRunRepository.RunQuery query);

    /** The newest runs of an automation, newest first: the console's automation page. */
    List<AutomationRun> latestOf(String automationId, int limit);

    /** The latest runs for one recipient, newest first. */
    List<AutomationRun> latestFor(String recipient, int limit);

    /** For each step (by index), how many of the automation's runs have it waiting, done, skipped, failed…. */
    Map<Integer, Map<StepStatus, Long>> stepCountsOf(String automationId);
}
