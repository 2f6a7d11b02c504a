package io.herald.persistence.automation;

import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.StepResult;
import io.herald.domain.automation.StepStatus;
import io.herald.domain.automation.Steps;
import io.herald.domain.json.JsonTrees;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code state} column of a run: everything of it that is not searched by (steps snapshot, event, data,
 * refs, invoke depth, error, step results), as JSON.
 */
final class AutomationRunState {

    private AutomationRunState() {
    }

    static Map<String, Object> of(AutomationRun run) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("steps", Steps.toJson(run.steps()));
        state.put("event", run.event());
        state.put("data", run.data());
        state.put("refs", run.refs());
        state.put("depth", run.depth());
        state.put("error", run.error().orElse(null));
        state.put("results", run.results().stream().map(AutomationRunState::result).toList());
        return state;
    }

    static List<StepResult> results(Map<String, Object> state) {
        List<StepResult> results = new ArrayList<>();
        for (Object raw : (List<?>) state.get("results")) {
            Map<String, Object> result = JsonTrees.asObject((Map<?, ?>) raw);
            results.add(new StepResult(StepStatus.valueOf((String) result.get("status")), instant(result.get("started")),
                    instant(result.get("finished")), instant(result.get("wake_at")), strings(result.get("messages")),
                    strings(result.get("runs")), Optional.ofNullable((String) result.get("error"))));
        }
        return results;
    }

    static Map<String, String> refs(Map<String, Object> state) {
        Map<String, String> refs = new LinkedHashMap<>();
        JsonTrees.asObject((Map<?, ?>) state.get("refs")).forEach((ref, messageId) -> refs.put(ref, (String) messageId));
        return refs;
    }

    private static Map<String, Object> result(StepResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", result.status().name());
        json.put("started", result.started().map(Instant::toString).orElse(null));
        json.put("finished", result.finished().map(Instant::toString).orElse(null));
        json.put("wake_at", result.wakeAt().map(Instant::toString).orElse(null));
        json.put("messages", result.messageIds());
        json.put("runs", result.runIds());
        json.put("error", result.error().orElse(null));
        return json;
    }

    private static Optional<Instant> instant(Object raw) {
        return Optional.ofNullable((String) raw).map(Instant::parse);
    }

    private static List<String> strings(Object raw) {
        return ((List<?>) raw).stream().map(String.class::cast).toList();
    }
}
