package io.herald.persistence.durable;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.herald.application.port.out.DurableScheduler.ListPage;
import io.herald.domain.automation.AutomationRunId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every kind of durable work Herald stores in db-scheduler's table (looks at messages have a queue of their own,
 * {@link JdbcDeliveryLooks}): its task name (stored in each row, so it never
 * changes), its data (stored as JSON, so a public record), and how an instance is named. Scheduling
 * ({@link DbSchedulerDurableScheduler}) and running ({@link DurableTasks}) both start from here.
 */
final class TaskDescriptors {

    /** Stored by versions before the delivery queue (ADR 0014); jobs they left still run. */
    static final TaskDescriptor<MessageBatch> DELIVER_MESSAGES = TaskDescriptor.of("deliver-messages", MessageBatch.class);
    static final TaskDescriptor<AutomationWakeUp> ADVANCE_AUTOMATION_RUN = TaskDescriptor.of("advance-automation-run", AutomationWakeUp.class);
    static final TaskDescriptor<ListSendPage> EXPAND_LIST_SEND = TaskDescriptor.of("expand-list-send", ListSendPage.class);
    static final TaskDescriptor<BulkPage> RUN_BULK_PAGE = TaskDescriptor.of("run-bulk-page", BulkPage.class);
    /** Recurring, on one instance at a time: Segment feedback, every second. */
    static final String DELIVER_FEEDBACK = "deliver-engagement-feedback";
    /** Recurring, on one instance at a time: what is past its retention, once a day. */
    static final String APPLY_RETENTION = "apply-retention";
    /** Recurring, on one instance at a time: the funnel's past days that are due to be counted (ADR 0016), every minute. */
    static final String COUNT_FUNNEL = "count-funnel-days";

    private TaskDescriptors() {
    }

    public record MessageBatch(List<String> ids) {
    }

    /** An automation run's wake-up: the step it was scheduled for, so a stale or repeated one changes nothing. */
    public record AutomationWakeUp(String runId, int step) {
    }

    /** A page of a send to a list (see {@link ListPage}); {@code after} is null for the first page. */
    public record ListSendPage(String requestId, Map<String, Object> spec, int recipient, String after) {
    }

    /** A page of a bulk job: its users after {@code afterSeq}. */
    public record BulkPage(String jobId, long afterSeq) {
    }

    /** A bulk job's page; the job and where the page starts name it uniquely. */
    static TaskInstance<BulkPage> bulkPage(String jobId, long afterSeq) {
        return RUN_BULK_PAGE.instance(jobId + "/" + afterSeq).data(new BulkPage(jobId, afterSeq)).build();
    }

    /** A run's wake-up for {@code step} at {@code at}; the run, the step and the time name it uniquely. */
    static TaskInstance<AutomationWakeUp> automationWakeUp(AutomationRunId run, int step, Instant at) {
        return ADVANCE_AUTOMATION_RUN.instance(run.value() + "/" + step + "@" + at.toEpochMilli())
                .data(new AutomationWakeUp(run.value(), step)).build();
    }

    /** A list send's page; the request, the recipient and where the page starts name it uniquely. */
    static TaskInstance<ListSendPage> listSendPage(ListPage page) {
        String after = page.after().orElse(null);
        return EXPAND_LIST_SEND.instance(page.requestId() + "/" + page.recipient() + "/" + (after == null ? "" : after))
                .data(new ListSendPage(page.requestId(), page.spec(), page.recipient(), after)).build();
    }
}
