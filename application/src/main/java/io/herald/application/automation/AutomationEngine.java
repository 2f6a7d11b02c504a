package io.herald.application.automation;

import io.herald.application.port.out.WebhookCaller;
import io.herald.domain.automation.AutomationRunId;

import java.util.Optional;

/**
 * The transactional steps of a run. Each call locks the run, executes its steps as far as it can without waiting
 * on the network (up to a delay, a fetch-data call or the end), and commits what they did with the run's new
 * state and its next wake-up. {@link AutomationRunner} makes the fetch-data calls in between, outside any
 * transaction.
 */
public interface AutomationEngine {

    Progress advance(AutomationRunId runId, int scheduledAtStep);

    /** The answer of a fetch-data call: merges it into the run's data (or fails the step), then goes on. */
    Progress fetched(FetchCall call, WebhookCaller.Result result);

    /** A fetch-data step's HTTP call, to make between transactions. */
    record FetchCall(AutomationRunId runId, int step, WebhookCaller.Request request) {
    }

    /** What is left to do now: a fetch-data call, or nothing (the run waits, or ended). */
    record Progress(Optional<FetchCall> fetch) {

        static final Progress NOTHING = new Progress(Optional.empty());
    }
}
