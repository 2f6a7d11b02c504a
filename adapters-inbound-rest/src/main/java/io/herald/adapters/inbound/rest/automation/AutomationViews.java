package io.herald.adapters.inbound.rest.automation;

import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.StepResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The run view of {@code GET /automations/runs/{run_id}}; times are epoch milliseconds. */
final class AutomationViews {

    private AutomationViews() {
    }

    static Map<String, Object> run(AutomationRun run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", run.id().value());
        view.put("automation", run.automationId().orElse(null));
        view.put("status", run.status().name());
        view.put("recipient", run.recipient().value());
        view.put("cancelation_token", run.cancelationToken().orElse(null));
        view.put("data", run.data());
        run.eventName().ifPresent(event -> view.put("event", event));
        run.error().ifPresent(error -> view.put("error", error));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < run.steps().size(); i++) {
            steps.add(step(i, run.steps().get(i).action(), run.results().get(i)));
        }
        view.put("steps", steps);
        view.put("created", run.createdAt().toEpochMilli());
        view.put("updated", run.updatedAt().toEpochMilli());
        return view;
    }

    private static Map<String, Object> step(int index, String action, StepResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("index", index);
        view.put("action", action);
        view.put("status", result.status().name());
        putTime(view, "started", result.started());
        putTime(view, "finished", result.finished());
        putTime(view, "wake_at", result.wakeAt());
        view.put("messages", result.messageIds());
        if (!result.runIds().isEmpty()) {
            view.put("runs", result.runIds());
        }
        result.error().ifPresent(error -> view.put("error", error));
        return view;
    }

    private static void putTime(Map<String, Object> view, String field, Optional<Instant> time) {
        time.ifPresent(at -> view.put(field, at.toEpochMilli()));
    }
}
