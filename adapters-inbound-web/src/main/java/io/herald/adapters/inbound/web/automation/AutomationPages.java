package io.herald.adapters.inbound.web.automation;

import io.herald.adapters.inbound.web.page.Shell;
import io.herald.adapters.inbound.web.page.Times;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.Step;

import java.time.Instant;
import java.util.List;

/** The view models of the automation pages: the list, one automation as a flow with counts, and one run. */
public final class AutomationPages {

    private AutomationPages() {
    }

    public record ListPage(Shell shell, List<Row> rows, String nextPage) {
    }

    public record Row(String id, String name, String trigger, int steps) {
    }

    /** @param trigger the event that starts it and its condition, empty when it only starts by invocation */
    public record AutomationPage(Shell shell, String id, String name, String trigger, List<StepView> steps, List<RunRow> runs) {
    }

    /**
     * A step with how many runs stand where at it.
     *
     * @param details the step's own settings, as "name: value" lines
     * @param waiting runs waiting at this step or running it now
     */
    public record StepView(int number, String action, String condition, List<String> details, long waiting, long done,
                           long skipped, long failed, long canceled, long notReached) {
    }

    public record RunRow(String id, String recipient, String status, String step, String started, String updated) {

        public static RunRow of(AutomationRun run, Instant now) {
            String step = run.isActive()
                    ? (run.stepIndex() + 1) + " of " + run.steps().size() + " (" + run.currentStep().map(Step::action).orElse("") + ")" : "";
            return new RunRow(run.id().value(), run.recipient().value(), run.status().name(), step, Times.ago(run.createdAt(), now),
                    Times.ago(run.updatedAt(), now));
        }
    }

    public record RunPage(Shell shell, RunRow run, String automationId, String event, String error, List<RunStep> steps) {
    }

    /** @param messages the ids of the messages the step sent */
    public record RunStep(int number, String action, String status, String started, String finished, String wakeAt,
                          List<String> messages, String error) {
    }
}
