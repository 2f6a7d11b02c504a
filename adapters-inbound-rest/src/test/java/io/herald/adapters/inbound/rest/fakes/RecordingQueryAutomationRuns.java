package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.QueryAutomationRunsUseCase;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

@Singleton
public class RecordingQueryAutomationRuns extends RecordingFake implements QueryAutomationRunsUseCase {

    private final Map<AutomationRunId, AutomationRun> runs = new ConcurrentHashMap<>();

    public void know(AutomationRun run) {
        runs.put(run.id(), run);
    }

    @Override
    public Optional<AutomationRun> find(AutomationRunId runId) {
        called("find", runId);
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    protected void forgetAnswers() {
        runs.clear();
    }
}
