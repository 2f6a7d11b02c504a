package io.herald.application.contract;

import io.herald.application.port.Page;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.AutomationRunRepository.RunQuery;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.RunStatus;
import io.herald.domain.automation.Step;
import io.herald.domain.automation.StepStatus;
import io.herald.domain.automation.Steps;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AutomationRunRepository} must do; run against the in-memory fake and PostgreSQL. */
public abstract class AutomationRunRepositoryContract {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final List<Step> STEPS = Steps.parse(List.of(
            Map.of("action", "send", "template", "welcome", "ref", "welcome", "data", Map.of("source", "journey")),
            Map.of("action", "delay", "duration", "2 hours"),
            Map.of("action", "fetch-data", "if", "refs.welcome.opened", "merge_strategy", "soft-merge",
                    "webhook", Map.of("url", "https://crm.example.org/{{user_id}}", "method", "POST", "headers", Map.of("X-Key", "k"),
                            "body", Map.of("ids", List.of(1, 2))))), "steps", Optional.empty());

    protected abstract AutomationRunRepository emptyRepository();

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    private static AutomationRun run(String id, Optional<String> token) {
        return AutomationRun.start(new AutomationRunId(id), Optional.of("welcome-journey"), STEPS, UserId.of("alex"), token,
                Map.of("plan", "pro", "total", 149.99, "seats", 3, "flags", List.of(true, "x"), "nested", Map.of("a", Map.of("b", "c"))),
                Map.of("name", "Trial Started", "user_id", "alex", "properties", Map.of("plan", "pro")), 2, START);
    }

    /** Everything a run holds, for comparing a run with what was read back. */
    private static List<Object> state(AutomationRun run) {
        return List.of(run.id(), run.automationId(), run.steps(), run.recipient(), run.cancelationToken(), run.event(), run.depth(),
                run.chain(), run.createdAt(), run.refs(), run.results(), run.status(), run.stepIndex(), run.data(), run.error(), run.updatedAt());
    }

    @Test
    void anAutomationsRunsAreListedNewestFirstAndCountedStepByStep() {
        AutomationRunRepository runs = emptyRepository();
        Instant later = START.plusSeconds(1);
        AutomationRun waiting = run("run-1", Optional.empty());
        AutomationRun skipped = run("run-2", Optional.empty());
        AutomationRun fresh = run("run-3", Optional.empty());
        runs.insert(waiting);
        runs.insert(skipped);
        runs.insert(fresh);
        runs.insert(AutomationRun.start(new AutomationRunId("run-4"), Optional.of("another"), STEPS, UserId.of("kim"), Optional.empty(),
                Map.of(), Map.of(), 0, START));
        waiting.begin(later);
        waiting.sent(List.of("m-1"), later);
        waiting.begin(later);
        waiting.waitUntil(later.plus(Duration.ofHours(2)), later);
        skipped.begin(later);
        skipped.skip(later);
        inTransaction(() -> {
            runs.save(waiting);
            runs.save(skipped);
            return null;
        });

        assertThat(runs.latestOf("welcome-journey", 2)).extracting(run -> run.id().value()).containsExactly("run-3", "run-2");
        assertThat(runs.stepCountsOf("welcome-journey")).isEqualTo(Map.of(
                0, Map.of(StepStatus.DONE, 1L, StepStatus.SKIPPED, 1L, StepStatus.PENDING, 1L),
                1, Map.of(StepStatus.WAITING, 1L, StepStatus.PENDING, 2L),
                2, Map.of(StepStatus.PENDING, 3L)));
        assertThat(runs.stepCountsOf("nothing-like-it")).isEmpty();
        assertThat(runs.latestFor("alex", 2)).extracting(run -> run.id().value()).containsExactly("run-3", "run-2");
        assertThat(runs.latestFor("kim", 5)).extracting(run -> run.id().value()).containsExactly("run-4");
        assertThat(runs.latestFor("nobody", 5)).isEmpty();
    }

    @Test
    void runsAreCountedByTheChainTheyBelongTo() {
        AutomationRunRepository runs = emptyRepository();
        AutomationRun root = run("run-root", Optional.empty());
        runs.insert(root);
        for (int i = 0; i < 3; i++) {
            runs.insert(AutomationRun.start(new AutomationRunId("run-child-" + i), Optional.of("welcome-journey"), STEPS, UserId.of("alex"),
                    Optional.empty(), Map.of(), Map.of(), 1, Optional.of(root.chain()), START));
        }
        runs.insert(run("run-other", Optional.empty()));

        assertThat(root.chain()).isEqualTo("run-root");
        assertThat(inTransaction(() -> runs.lockChainAndCount("run-root"))).isEqualTo(4);
        assertThat(inTransaction(() -> runs.lockChainAndCount("run-other"))).isEqualTo(1);
        assertThat(runs.find(new AutomationRunId("run-child-2")).orElseThrow().chain()).isEqualTo("run-root");
    }

    @Test
    void aRunIsReadBackWithAllItsStateAsItMoves() {
        AutomationRunRepository runs = emptyRepository();
        AutomationRun run = run("run-1", Optional.of("alex-onboarding"));
        runs.insert(run);
        assertThat(state(runs.find(run.id()).orElseThrow())).isEqualTo(state(run));

        Instant later = START.plus(Duration.ofSeconds(1));
        run.begin(later);
        run.sent(List.of("m-1"), later);
        run.begin(later);
        run.waitUntil(later.plus(Duration.ofHours(2)), later);
        inTransaction(() -> {
            runs.save(run);
            return null;
        });

        AutomationRun stored = inTransaction(() -> runs.lock(run.id()).orElseThrow());
        assertThat(state(stored)).isEqualTo(state(run));
        assertThat(stored.refs()).containsEntry("welcome", "m-1");
        assertThat(stored.results().get(1).wakeAt()).contains(later.plus(Duration.ofHours(2)));
    }

    @Test
    void aFailedRunKeepsItsError() {
        AutomationRunRepository runs = emptyRepository();
        AutomationRun run = run("run-1", Optional.empty());
        runs.insert(run);
        run.begin(START);
        run.fail("template 'welcome' does not exist (any more)", START);
        runs.save(run);

        AutomationRun stored = runs.find(run.id()).orElseThrow();
        assertThat(state(stored)).isEqualTo(state(run));
        assertThat(stored.error()).contains("steps[0] (send): template 'welcome' does not exist (any more)");
        assertThat(runs.find(new AutomationRunId("run-unknown"))).isEmpty();
    }

    @Test
    void onlyActiveRunsWithTheTokenAreFoundForACancelInIdOrder() {
        AutomationRunRepository runs = emptyRepository();
        runs.insert(run("run-3", Optional.of("alex-onboarding")));
        runs.insert(run("run-1", Optional.of("alex-onboarding")));
        runs.insert(run("run-2", Optional.of("kim-onboarding")));
        AutomationRun ended = run("run-4", Optional.of("alex-onboarding"));
        runs.insert(ended);
        ended.cancel(START);
        runs.save(ended);

        List<AutomationRun> found = inTransaction(() -> runs.lockActiveByToken("alex-onboarding"));

        assertThat(found).extracting(run -> run.id().value()).containsExactly("run-1", "run-3");
    }

    @Test
    void runsArePagedNewestFirst_filteredByStatusAutomationAndCreationTime() {
        AutomationRunRepository runs = emptyRepository();
        List<AutomationRunId> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant created = START.plus(Duration.ofMinutes(i));
            AutomationRunId id = AutomationRunId.generate(created);
            ids.add(id);
            AutomationRun run = AutomationRun.start(id, Optional.of(i % 2 == 0 ? "welcome" : "digest"), STEPS, UserId.of("alex"),
                    Optional.empty(), Map.of(), Map.of(), 0, created);
            runs.insert(run);
            if (i >= 4) {
                inTransaction(() -> {
                    run.fail("the template is gone", created);
                    runs.save(run);
                    return null;
                });
            }
        }

        Page<AutomationRun> first = runs.list(new RunQuery(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), 4));
        Page<AutomationRun> rest = runs.list(new RunQuery(Set.of(), Set.of(), Optional.empty(), Optional.empty(), first.cursor(), 4));
        Page<AutomationRun> failedWelcome = runs.list(new RunQuery(Set.of(RunStatus.FAILED), Set.of("welcome"), Optional.empty(),
                Optional.empty(), Optional.empty(), 10));
        Page<AutomationRun> window = runs.list(new RunQuery(Set.of(RunStatus.RUNNING), Set.of("welcome", "digest"),
                Optional.of(START.plus(Duration.ofMinutes(1))), Optional.of(START.plus(Duration.ofMinutes(3))), Optional.empty(), 10));

        assertThat(first.items()).extracting(AutomationRun::id).containsExactly(ids.get(5), ids.get(4), ids.get(3), ids.get(2));
        assertThat(rest.items()).extracting(AutomationRun::id).containsExactly(ids.get(1), ids.get(0));
        assertThat(rest.hasMore()).isFalse();
        assertThat(failedWelcome.items()).extracting(AutomationRun::id).containsExactly(ids.get(4));
        assertThat(failedWelcome.items().get(0).error()).hasValueSatisfying(error -> assertThat(error).endsWith("the template is gone"));
        assertThat(window.items()).extracting(AutomationRun::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(runs.list(new RunQuery(Set.of(RunStatus.CANCELED), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), 10))
                .items()).isEmpty();
    }
}
