package io.herald.domain.automation;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of an automation for one recipient: the steps it runs (a snapshot taken when it started, so editing
 * or deleting the automation does not disturb runs in flight), the step it is at, its data, the event that
 * started it, the messages its send steps named, and what became of each step.
 *
 * <p>A run executes its steps in order: a step whose condition is false is skipped, a delay makes it WAIT, a
 * failure ends it FAILED, a matching cancel ends it CANCELED, and after the last step it is COMPLETED. Every
 * change goes through a method here, which keeps these rules.
 */
public final class AutomationRun {

    /** Runs that invoke runs that invoke runs… stop here: an automation cycle must not run away. */
    public static final int MAX_INVOKE_DEPTH = 10;

    private final AutomationRunId id;
    private final Optional<String> automationId;
    private final List<Step> steps;
    private final UserId recipient;
    private final Optional<String> cancelationToken;
    private final Map<String, Object> event;
    private final int depth;
    private final String chain;
    private final Instant createdAt;
    private final Map<String, String> refs;
    private final List<StepResult> results;
    private RunStatus status;
    private int stepIndex;
    private Map<String, Object> data;
    private String error;
    private Instant updatedAt;

    private AutomationRun(AutomationRunId id, Optional<String> automationId, List<Step> steps, UserId recipient,
                          Optional<String> cancelationToken, Map<String, Object> event, int depth, String chain, Instant createdAt,
                          Map<String, String> refs, List<StepResult> results, RunStatus status, int stepIndex,
                          Map<String, Object> data, String error, Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.automationId = automationId;
        this.steps = List.copyOf(steps);
        this.recipient = Objects.requireNonNull(recipient);
        this.cancelationToken = cancelationToken;
        this.event = JsonTrees.deepCopy(event);
        this.depth = depth;
        this.chain = chain == null ? id.value() : chain;
        this.createdAt = createdAt;
        this.refs = new LinkedHashMap<>(refs);
        this.results = new ArrayList<>(results);
        this.status = status;
        this.stepIndex = stepIndex;
        this.data = JsonTrees.deepCopy(data);
        this.error = error;
        this.updatedAt = updatedAt;
        if (this.results.size() != this.steps.size()) {
            throw new IllegalArgumentException("run " + id + " has " + steps.size() + " steps but " + results.size() + " results");
        }
    }

    /**
     * A new run, RUNNING at its first step.
     *
     * @param event the track event that started it ({@code name}, {@code properties}…), empty when invoked by API
     * @param depth how many invoke steps led to it (0 for a run started by an event or the API)
     */
    public static AutomationRun start(AutomationRunId id, Optional<String> automationId, List<Step> steps, UserId recipient,
                                      Optional<String> cancelationToken, Map<String, Object> data, Map<String, Object> event,
                                      int depth, Instant now) {
        return start(id, automationId, steps, recipient, cancelationToken, data, event, depth, Optional.empty(), now);
    }

    /**
     * @param chain the chain of runs this one belongs to (runs started by one inbound event, or by one run's invoke
     *              steps and theirs); empty for a run that starts a chain of its own
     */
    public static AutomationRun start(AutomationRunId id, Optional<String> automationId, List<Step> steps, UserId recipient,
                                      Optional<String> cancelationToken, Map<String, Object> data, Map<String, Object> event,
                                      int depth, Optional<String> chain, Instant now) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one step");
        }
        List<StepResult> pending = steps.stream().map(step -> StepResult.pending()).toList();
        return new AutomationRun(id, automationId, steps, recipient, cancelationToken, event, depth, chain.orElse(null), now, Map.of(),
                pending, RunStatus.RUNNING, 0, data, null, now);
    }

    /** @param chain empty for runs stored before chains were recorded: each is then a chain of its own */
    public static AutomationRun reconstitute(AutomationRunId id, Optional<String> automationId, List<Step> steps, UserId recipient,
                                             Optional<String> cancelationToken, Map<String, Object> event, int depth,
                                             Optional<String> chain, Instant createdAt, Map<String, String> refs,
                                             List<StepResult> results, RunStatus status, int stepIndex, Map<String, Object> data,
                                             Optional<String> error, Instant updatedAt) {
        return new AutomationRun(id, automationId, steps, recipient, cancelationToken, event, depth, chain.orElse(null), createdAt,
                refs, results, status, stepIndex, data, error.orElse(null), updatedAt);
    }

    // --- moving through the steps -------------------------------------------------------------------------

    /**
     * A scheduled wake-up for {@code scheduledAtStep} arrived. A run waiting at that step goes on past its delay once
     * the delay is over; a RUNNING run goes on from where it is (its first step, or a step interrupted by a crash).
     * A wake-up for a step the run has left, for a delay not over yet (the run's first wake-up, repeated, when its
     * first step is a delay), or for a run that ended, is stale and changes nothing.
     *
     * @return false for a stale wake-up
     */
    public boolean wakeUp(int scheduledAtStep, Instant now) {
        if (status == RunStatus.RUNNING) {
            return true;
        }
        if (status == RunStatus.WAITING && stepIndex == scheduledAtStep
                && results.get(stepIndex).wakeAt().map(at -> !at.isAfter(now)).orElse(true)) {
            status = RunStatus.RUNNING;
            finishStep(StepStatus.DONE, now);
            return true;
        }
        return false;
    }

    /** The step to execute now: present only while the run is RUNNING. */
    public Optional<Step> currentStep() {
        return status == RunStatus.RUNNING ? Optional.of(steps.get(stepIndex)) : Optional.empty();
    }

    /** The current step starts executing. */
    public void begin(Instant now) {
        requireRunning();
        results.set(stepIndex, results.get(stepIndex).running(now));
        touch(now);
    }

    /** The current step's condition is false: it is skipped. */
    public void skip(Instant now) {
        requireRunning();
        finishStep(StepStatus.SKIPPED, now);
    }

    /** The current step did what it does. */
    public void done(Instant now) {
        requireRunning();
        finishStep(StepStatus.DONE, now);
    }

    /** The current (send) step created these messages; its {@code ref}, if any, names the first. */
    public void sent(List<String> messageIds, Instant now) {
        requireRunning();
        if (steps.get(stepIndex) instanceof Step.Send send && !messageIds.isEmpty()) {
            send.ref().ifPresent(ref -> refs.put(ref, messageIds.get(0)));
        }
        results.set(stepIndex, results.get(stepIndex).withMessages(messageIds));
        finishStep(StepStatus.DONE, now);
    }

    /** The current step started ({@code invoke}) or canceled ({@code cancel}) these runs. */
    public void affected(List<AutomationRunId> runIds, Instant now) {
        requireRunning();
        results.set(stepIndex, results.get(stepIndex).withRuns(runIds.stream().map(AutomationRunId::value).toList()));
        finishStep(StepStatus.DONE, now);
    }

    /** The current (fetch-data) step's call answered {@code fetched}: it merges into the data. */
    public void fetched(Map<String, Object> fetched, MergeStrategy merge, Instant now) {
        requireRunning();
        data = merge.apply(data, fetched);
        finishStep(StepStatus.DONE, now);
    }

    /** The current (delay) step waits until {@code at}; the run is WAITING until it is woken up for this step. */
    public void waitUntil(Instant at, Instant now) {
        requireRunning();
        results.set(stepIndex, results.get(stepIndex).waitingUntil(at));
        status = RunStatus.WAITING;
        touch(now);
    }

    /** The current step could not be executed: the run ends FAILED, with the reason on the step and on the run. */
    public void fail(String why, Instant now) {
        requireRunning();
        results.set(stepIndex, results.get(stepIndex).failed(why, now));
        status = RunStatus.FAILED;
        error = "steps[" + stepIndex + "] (" + steps.get(stepIndex).action() + "): " + why;
        touch(now);
    }

    /**
     * An operator runs a FAILED run again (after fixing what made its step fail): it goes on from the step that
     * failed, which starts over. False when the run did not fail.
     */
    public boolean retry(Instant now) {
        if (status != RunStatus.FAILED) {
            return false;
        }
        results.set(stepIndex, StepResult.pending());
        status = RunStatus.RUNNING;
        error = null;
        touch(now);
        return true;
    }

    /**
     * A cancel matched this run's token: it stops before its next step. The step it was at, and those after it,
     * are CANCELED.
     *
     * @return false when the run had ended already
     */
    public boolean cancel(Instant now) {
        if (!status.isActive()) {
            return false;
        }
        for (int i = stepIndex; i < results.size(); i++) {
            results.set(i, results.get(i).canceled(now));
        }
        status = RunStatus.CANCELED;
        touch(now);
        return true;
    }

    private void finishStep(StepStatus end, Instant now) {
        results.set(stepIndex, results.get(stepIndex).finished(end, now));
        stepIndex++;
        if (stepIndex == steps.size()) {
            status = RunStatus.COMPLETED;
        }
        touch(now);
    }

    private void requireRunning() {
        if (status != RunStatus.RUNNING) {
            throw new IllegalStateException("run " + id + " is " + status + ", not RUNNING");
        }
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    // --- state --------------------------------------------------------------------------------------------

    public boolean isActive() {
        return status.isActive();
    }

    public AutomationRunId id() {
        return id;
    }

    public Optional<String> automationId() {
        return automationId;
    }

    public List<Step> steps() {
        return steps;
    }

    public UserId recipient() {
        return recipient;
    }

    public Optional<String> cancelationToken() {
        return cancelationToken;
    }

    /** The track event that started the run ({@code name}, {@code user_id}, {@code properties}, {@code timestamp}); empty if none. */
    public Map<String, Object> event() {
        return JsonTrees.deepCopy(event);
    }

    /** The name of the track event that started the run (or that started the run that invoked it). */
    public Optional<String> eventName() {
        return event.get("name") instanceof String name ? Optional.of(name) : Optional.empty();
    }

    public int depth() {
        return depth;
    }

    /** The chain of runs this one belongs to, named by the inbound event or the run that started it. */
    public String chain() {
        return chain;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Each {@code ref} of the send steps executed so far, with the id of the message it names. */
    public Map<String, String> refs() {
        return Map.copyOf(refs);
    }

    public List<StepResult> results() {
        return List.copyOf(results);
    }

    public RunStatus status() {
        return status;
    }

    /** The index of the step the run is at (the number of steps when it completed). */
    public int stepIndex() {
        return stepIndex;
    }

    public Map<String, Object> data() {
        return JsonTrees.deepCopy(data);
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return "AutomationRun[" + id + " " + status + " at step " + stepIndex + "]";
    }
}
