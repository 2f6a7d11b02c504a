package io.herald.adapters.inbound.rest.automation;

import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.RunStatus;
import io.herald.domain.automation.StepResult;
import io.herald.domain.automation.StepStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs as Herald shows them ({@code GET /automations/runs/{run_id}}, times in epoch milliseconds) and as Courier's
 * run list and steps do (ISO-8601 times, Courier's status names).
 */
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

    /** Herald's run status under Courier's name for it. */
    static String courierStatus(RunStatus status) {
        return switch (status) {
            case RUNNING -> "PROCESSING";
            case WAITING -> "WAITING";
            case COMPLETED -> "PROCESSED";
            case CANCELED -> "CANCELED";
            case FAILED -> "ERROR";
        };
    }

    /** Herald's step status under Courier's name: the run statuses, plus SKIPPED. */
    static String courierStatus(StepStatus status) {
        return switch (status) {
            case PENDING -> "PENDING";
            case RUNNING -> "PROCESSING";
            case WAITING -> "WAITING";
            case DONE -> "PROCESSED";
            case SKIPPED -> "SKIPPED";
            case CANCELED -> "CANCELED";
            case FAILED -> "ERROR";
        };
    }

    /** Courier's {@code AutomationRunListItem}. */
    static Map<String, Object> listItem(AutomationRun run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("run_id", run.id().value());
        view.put("source", List.of(run.eventName().map(event -> "event/" + event)
                .orElseGet(() -> "invoke/" + run.automationId().orElse("ad-hoc"))));
        view.put("created_at", run.createdAt().toString());
        view.put("status", courierStatus(run.status()));
        view.put("template_id", run.automationId().orElse(null));
        return view;
    }

    /** Courier's {@code AutomationRunStep}s: the steps the run has reached, in order. */
    static List<Map<String, Object>> courierSteps(AutomationRun run) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < run.steps().size(); i++) {
            StepResult result = run.results().get(i);
            if (result.status() == StepStatus.PENDING) {
                continue;
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("step_id", String.valueOf(i));
            view.put("action", run.steps().get(i).action());
            view.put("status", courierStatus(result.status()));
            view.put("created_at", result.started().map(Instant::toString).orElse(null));
            view.put("updated_at", result.finished().or(result::started).map(Instant::toString).orElse(null));
            view.put("message_id", result.messageIds().isEmpty() ? null : result.messageIds().get(0));
            result.error().ifPresent(error -> view.put("error", error));
            steps.add(view);
        }
        return steps;
    }
}
