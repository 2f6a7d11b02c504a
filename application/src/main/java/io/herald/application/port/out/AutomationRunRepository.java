package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.application.port.in.RedriveUseCase;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.RunStatus;
import io.herald.domain.automation.StepStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Automation runs and their state. Saving a run writes all of it: status, step, data, step results. */
public interface AutomationRunRepository {

    void insert(AutomationRun run);

    Optional<AutomationRun> find(AutomationRunId id);

    /**
     * The run, locked until the current transaction ends: one transaction at a time moves a run, on any
     * Herald instance.
     */
    Optional<AutomationRun> lock(AutomationRunId id);

    /** The active (RUNNING or WAITING) runs carrying this cancelation token, locked in id order. */
    List<AutomationRun> lockActiveByToken(String cancelationToken);

    void save(AutomationRun run);

    /**
     * Runs newest first, a page at a time. The filters sift a walk of at most {@link RunQuery#WALK} runs of the id
     * range: when it holds too few matches, the page ends early with a cursor at the last run looked at.
     */
    Page<AutomationRun> list(RunQuery query);

    /** The newest runs of an automation, newest first (by run id, which grows with time). */
    List<AutomationRun> latestOf(String automationId, int limit);

    /** The latest runs for one recipient (a user id), newest first, of any automation or ad hoc. */
    List<AutomationRun> latestFor(String recipient, int limit);

    /** For each step of an automation's runs (by index), how many runs have it in each status. */
    Map<Integer, Map<StepStatus, Long>> stepCountsOf(String automationId);

    /**
     * How many runs the chain has started so far (see {@link AutomationRun#chain()}), with the chain locked until the
     * current transaction ends, so that runs of one chain starting others at the same time count one after another.
     */
    int lockChainAndCount(String chain);

    /** Up to {@code limit} FAILED runs created within the window (of one automation, when given), locked, in id order. */
    List<AutomationRun> lockFailed(RedriveUseCase.Window created, Optional<String> automationId, int limit);

    /**
     * @param statuses      the runs in one of these (all when empty)
     * @param automationIds the runs of one of these automations (all when empty)
     * @param createdFrom   created at or after
     * @param createdBefore created before
     * @param cursor        where the previous page ended
     */
    record RunQuery(Set<RunStatus> statuses, Set<String> automationIds, Optional<Instant> createdFrom, Optional<Instant> createdBefore,
                    Optional<String> cursor, int limit) {

        /** Runs one page looks at, at most, to find those the filters keep. */
        public static final int WALK = 10_000;

        public RunQuery {
            statuses = Set.copyOf(statuses);
            automationIds = Set.copyOf(automationIds);
        }
    }
}
