package io.herald.domain.automation;

import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutomationRunTest {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant LATER = START.plus(Duration.ofHours(2));

    /** send (ref welcome), delay 2 hours, send, send. */
    private static AutomationRun welcomeRun() {
        List<Step> steps = Steps.parse(List.of(
                Map.of("action", "send", "template", "welcome", "ref", "welcome"),
                Map.of("action", "delay", "duration", "2 hours"),
                Map.of("action", "send", "template", "nudge", "if", "false"),
                Map.of("action", "send", "template", "nudge")), "steps", Optional.empty());
        return AutomationRun.start(new AutomationRunId("run-1"), Optional.of("welcome-journey"), steps, UserId.of("alex"),
                Optional.of("alex-onboarding"), Map.of("plan", "pro"), Map.of("name", "Trial Started"), 0, START);
    }

    private static AutomationRun waitingInItsDelay() {
        AutomationRun run = welcomeRun();
        run.begin(START);
        run.sent(List.of("m-welcome"), START);
        run.begin(START);
        run.waitUntil(LATER, START);
        return run;
    }

    private static List<StepStatus> statuses(AutomationRun run) {
        return run.results().stream().map(StepResult::status).toList();
    }

    @Test
    void aNewRunIsRunningAtItsFirstStepWithEveryStepPending() {
        AutomationRun run = welcomeRun();

        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.currentStep()).containsInstanceOf(Step.Send.class);
        assertThat(statuses(run)).containsOnly(StepStatus.PENDING);
        assertThat(run.eventName()).contains("Trial Started");
    }

    @Test
    void aSendStepNamesItsMessageByItsRefAndADelayMakesTheRunWait() {
        AutomationRun run = waitingInItsDelay();

        assertThat(run.refs()).containsExactly(Map.entry("welcome", "m-welcome"));
        assertThat(run.results().get(0).messageIds()).containsExactly("m-welcome");
        assertThat(run.status()).isEqualTo(RunStatus.WAITING);
        assertThat(run.stepIndex()).isEqualTo(1);
        assertThat(run.results().get(1).wakeAt()).contains(LATER);
        assertThat(run.currentStep()).as("a waiting run has no step to execute").isEmpty();
        assertThat(statuses(run)).containsExactly(StepStatus.DONE, StepStatus.WAITING, StepStatus.PENDING, StepStatus.PENDING);
    }

    @Test
    void theWakeUpForItsDelayMovesItOnAndAnyOtherChangesNothing() {
        AutomationRun run = waitingInItsDelay();

        assertThat(run.wakeUp(0, LATER)).as("a wake-up for a step it has left").isFalse();
        assertThat(run.wakeUp(1, LATER.minusSeconds(1))).as("a wake-up for its step before the delay is over").isFalse();
        assertThat(run.status()).isEqualTo(RunStatus.WAITING);

        assertThat(run.wakeUp(1, LATER)).isTrue();
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.stepIndex()).isEqualTo(2);
        assertThat(run.results().get(1).finished()).contains(LATER);
        assertThat(run.wakeUp(1, LATER)).as("a RUNNING run goes on from where it is, whatever the wake-up").isTrue();
        assertThat(run.stepIndex()).isEqualTo(2);
    }

    @Test
    void afterTheLastStepTheRunIsCompletedAndLateWakeUpsAreStale() {
        AutomationRun run = waitingInItsDelay();
        run.wakeUp(1, LATER);
        run.begin(LATER);
        run.skip(LATER);
        run.begin(LATER);
        run.sent(List.of("m-nudge"), LATER);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(statuses(run)).containsExactly(StepStatus.DONE, StepStatus.DONE, StepStatus.SKIPPED, StepStatus.DONE);
        assertThat(run.stepIndex()).isEqualTo(4);
        assertThat(run.wakeUp(1, LATER)).isFalse();
        assertThat(run.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aFailedStepEndsTheRunWithTheReasonOnTheStepAndTheRun() {
        AutomationRun run = welcomeRun();
        run.begin(START);

        run.fail("template 'welcome' does not exist (any more)", START);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.results().get(0).error()).contains("template 'welcome' does not exist (any more)");
        assertThat(run.error()).contains("steps[0] (send): template 'welcome' does not exist (any more)");
        assertThat(statuses(run)).containsExactly(StepStatus.FAILED, StepStatus.PENDING, StepStatus.PENDING, StepStatus.PENDING);
        assertThatThrownBy(() -> run.begin(START)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCanceledRunStopsBeforeItsNextStep() {
        AutomationRun run = waitingInItsDelay();

        assertThat(run.cancel(START.plusSeconds(60))).isTrue();

        assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(statuses(run)).containsExactly(StepStatus.DONE, StepStatus.CANCELED, StepStatus.CANCELED, StepStatus.CANCELED);
        assertThat(run.results().get(1).finished()).contains(START.plusSeconds(60));
        assertThat(run.results().get(2).started()).as("a step never reached keeps no times").isEmpty();
        assertThat(run.wakeUp(1, LATER)).isFalse();
        assertThat(run.cancel(LATER)).as("an ended run is not canceled again").isFalse();
    }

    @Test
    void fetchedDataMergesIntoTheRunsData() {
        List<Step> steps = Steps.parse(List.of(Map.of("action", "fetch-data", "webhook", Map.of("url", "https://x.org"))), "steps",
                Optional.empty());
        AutomationRun run = AutomationRun.start(new AutomationRunId("run-2"), Optional.empty(), steps, UserId.of("alex"),
                Optional.empty(), Map.of("plan", "pro", "seats", 2), Map.of(), 0, START);
        run.begin(START);

        run.fetched(Map.of("seats", 12), MergeStrategy.SOFT_MERGE, START);

        assertThat(run.data()).isEqualTo(Map.of("plan", "pro", "seats", 2));
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    }
}
