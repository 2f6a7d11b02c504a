package io.herald.domain.automation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What became of one step of a run: its status, when it started and finished, until when a delay waits, the
 * messages a send step created, the runs an invoke or cancel step started or canceled, and why it failed.
 */
public record StepResult(StepStatus status, Optional<Instant> started, Optional<Instant> finished, Optional<Instant> wakeAt,
                         List<String> messageIds, List<String> runIds, Optional<String> error) {

    public StepResult {
        messageIds = List.copyOf(messageIds);
        runIds = List.copyOf(runIds);
    }

    static StepResult pending() {
        return new StepResult(StepStatus.PENDING, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                Optional.empty());
    }

    StepResult running(Instant now) {
        return new StepResult(StepStatus.RUNNING, Optional.of(now), finished, wakeAt, messageIds, runIds, error);
    }

    StepResult waitingUntil(Instant at) {
        return new StepResult(StepStatus.WAITING, started, finished, Optional.of(at), messageIds, runIds, error);
    }

    StepResult finished(StepStatus end, Instant now) {
        return new StepResult(end, started.or(() -> Optional.of(now)), Optional.of(now), wakeAt, messageIds, runIds, error);
    }

    /** A step the run never reached keeps no times; the one it was at finishes now. */
    StepResult canceled(Instant now) {
        return status == StepStatus.PENDING
                ? new StepResult(StepStatus.CANCELED, Optional.empty(), Optional.empty(), Optional.empty(), messageIds, runIds, error)
                : finished(StepStatus.CANCELED, now);
    }

    StepResult withMessages(List<String> ids) {
        List<String> all = new ArrayList<>(messageIds);
        all.addAll(ids);
        return new StepResult(status, started, finished, wakeAt, all, runIds, error);
    }

    StepResult withRuns(List<String> ids) {
        List<String> all = new ArrayList<>(runIds);
        all.addAll(ids);
        return new StepResult(status, started, finished, wakeAt, messageIds, all, error);
    }

    StepResult failed(String why, Instant now) {
        return new StepResult(StepStatus.FAILED, started.or(() -> Optional.of(now)), Optional.of(now), wakeAt, messageIds, runIds,
                Optional.of(why));
    }
}
