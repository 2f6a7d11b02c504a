package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.in.RedriveUseCase;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.RunStatus;
import io.herald.domain.automation.StepStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/**
 * Keeps copies, as a database does: a run changed and not saved is not changed here. Locks are not modelled
 * (tests run one transaction at a time).
 */
public final class InMemoryAutomationRunRepository implements AutomationRunRepository {

    private final Map<String, AutomationRun> runs = new ConcurrentSkipListMap<>();

    @Override
    public void insert(AutomationRun run) {
        if (runs.putIfAbsent(run.id().value(), copy(run)) != null) {
            throw new IllegalStateException("duplicate run " + run.id());
        }
    }

    @Override
    public Optional<AutomationRun> find(AutomationRunId id) {
        return Optional.ofNullable(runs.get(id.value())).map(InMemoryAutomationRunRepository::copy);
    }

    @Override
    public Optional<AutomationRun> lock(AutomationRunId id) {
        return find(id);
    }

    @Override
    public synchronized int lockChainAndCount(String chain) {
        return (int) runs.values().stream().filter(run -> run.chain().equals(chain)).count();
    }

    @Override
    public List<AutomationRun> lockFailed(RedriveUseCase.Window created, Optional<String> automationId, int limit) {
        return runs.values().stream()
                .filter(run -> run.status() == RunStatus.FAILED && (automationId.isEmpty() || run.automationId().equals(automationId))
                        && created.from().map(from -> !run.createdAt().isBefore(from)).orElse(true)
                        && created.to().map(to -> run.createdAt().isBefore(to)).orElse(true))
                .limit(limit).map(InMemoryAutomationRunRepository::copy).toList();
    }

    @Override
    public List<AutomationRun> lockActiveByToken(String cancelationToken) {
        return runs.values().stream()
                .filter(run -> run.isActive() && run.cancelationToken().equals(Optional.of(cancelationToken)))
                .map(InMemoryAutomationRunRepository::copy)
                .toList();
    }

    @Override
    public void save(AutomationRun run) {
        if (runs.replace(run.id().value(), copy(run)) == null) {
            throw new IllegalStateException("no run " + run.id());
        }
    }

    @Override
    public Page<AutomationRun> list(RunQuery query) {
        List<AutomationRun> walked = new ArrayList<>(runs.values());
        Collections.reverse(walked);
        walked = walked.stream()
                .filter(run -> query.cursor().map(cursor -> run.id().value().compareTo(cursor) < 0).orElse(true))
                .filter(run -> query.createdFrom().map(from -> run.id().value().compareTo(AutomationRunId.firstAt(from).value()) >= 0).orElse(true))
                .filter(run -> query.createdBefore().map(before -> run.id().value().compareTo(AutomationRunId.firstAt(before).value()) < 0).orElse(true))
                .limit(RunQuery.WALK).toList();
        List<AutomationRun> kept = walked.stream()
                .filter(run -> query.statuses().isEmpty() || query.statuses().contains(run.status()))
                .filter(run -> query.automationIds().isEmpty() || run.automationId().filter(query.automationIds()::contains).isPresent())
                .toList();
        if (kept.size() > query.limit()) {
            List<AutomationRun> items = kept.subList(0, query.limit());
            return new Page<>(items, items.get(query.limit() - 1).id().value());
        }
        return new Page<>(kept, walked.size() == RunQuery.WALK ? walked.get(walked.size() - 1).id().value() : null);
    }

    @Override
    public List<AutomationRun> latestOf(String automationId, int limit) {
        List<AutomationRun> of = runs.values().stream().filter(run -> run.automationId().equals(Optional.of(automationId)))
                .map(InMemoryAutomationRunRepository::copy).collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(of);
        return of.subList(0, Math.min(limit, of.size()));
    }

    @Override
    public synchronized List<AutomationRun> latestFor(String recipient, int limit) {
        List<AutomationRun> of = runs.values().stream().filter(run -> run.recipient().value().equals(recipient))
                .map(InMemoryAutomationRunRepository::copy).collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(of);
        return of.subList(0, Math.min(limit, of.size()));
    }

    @Override
    public Map<Integer, Map<StepStatus, Long>> stepCountsOf(String automationId) {
        Map<Integer, Map<StepStatus, Long>> counts = new TreeMap<>();
        runs.values().stream().filter(run -> run.automationId().equals(Optional.of(automationId))).forEach(run -> {
            for (int step = 0; step < run.results().size(); step++) {
                counts.computeIfAbsent(step, ignored -> new EnumMap<>(StepStatus.class)).merge(run.results().get(step).status(), 1L, Long::sum);
            }
        });
        return counts;
    }

    /** For {@link InMemoryRetentionStore}: runs created before {@code cutoff} that have ended. */
    synchronized int deleteEndedBefore(Instant cutoff, int limit) {
        List<String> old = runs.values().stream().filter(run -> run.createdAt().isBefore(cutoff) && !run.isActive())
                .map(run -> run.id().value()).limit(limit).toList();
        old.forEach(runs::remove);
        return old.size();
    }

    public List<AutomationRun> all() {
        return runs.values().stream().map(InMemoryAutomationRunRepository::copy).toList();
    }

    private static AutomationRun copy(AutomationRun run) {
        return AutomationRun.reconstitute(run.id(), run.automationId(), run.steps(), run.recipient(), run.cancelationToken(),
                run.event(), run.depth(), Optional.of(run.chain()), run.createdAt(), run.refs(), run.results(), run.status(), run.stepIndex(), run.data(),
                run.error(), run.updatedAt());
    }
}
