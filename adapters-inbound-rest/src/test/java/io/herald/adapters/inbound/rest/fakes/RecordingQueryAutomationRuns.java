package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.in.QueryAutomationRunsUseCase;
import io.herald.application.port.out.AutomationRunRepository.RunQuery;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.StepStatus;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

@Singleton
public class RecordingQueryAutomationRuns extends RecordingFake implements QueryAutomationRunsUseCase {

    private final Map<AutomationRunId, AutomationRun> runs = new ConcurrentHashMap<>();
    private volatile Page<AutomationRun> list = new Page<>(List.of(), null);

    public void know(AutomationRun run) {
        runs.put(run.id(), run);
    }

    public void answerList(Page<AutomationRun> list) {
        this.list = list;
    }

    @Override
    public Page<AutomationRun> list(RunQuery query) {
        called("list", query);
        return list;
    }

    @Override
    public Optional<AutomationRun> find(AutomationRunId runId) {
        called("find", runId);
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public List<AutomationRun> latestOf(String automationId, int limit) {
        called("latestOf", automationId, limit);
        return List.of();
    }

    @Override
    public List<AutomationRun> latestFor(String recipient, int limit) {
        called("latestFor", recipient, limit);
        return List.of();
    }

    @Override
    public Map<Integer, Map<StepStatus, Long>> stepCountsOf(String automationId) {
        called("stepCountsOf", automationId);
        return Map.of();
    }

    @Override
    protected void forgetAnswers() {
        runs.clear();
        list = new Page<>(List.of(), null);
    }
}
