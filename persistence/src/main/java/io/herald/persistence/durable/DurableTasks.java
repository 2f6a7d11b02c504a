package io.herald.persistence.durable;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.herald.application.port.in.AdvanceAutomationRunUseCase;
import io.herald.application.port.in.ApplyRetentionUseCase;
import io.herald.application.port.in.CountFunnelUseCase;
import io.herald.application.port.in.DeliverFeedbackUseCase;
import io.herald.application.port.in.DeliverMessagesUseCase;
import io.herald.application.port.in.ExpandListSendUseCase;
import io.herald.application.port.in.RunBulkJobUseCase;
import io.herald.application.port.out.DurableScheduler.ListPage;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.message.MessageId;
import io.herald.persistence.durable.TaskDescriptors.ListSendPage;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What runs each kind of durable work ({@link TaskDescriptors}): a thin trigger per task that hands its data to
 * the use case that does the work. Failed one-time work is retried with backoff, never dropped. (The use cases
 * exist wherever Herald runs; a context without them, as in this module's own tests, stores work but runs none.)
 */
@Singleton
@Requires(beans = {DeliverMessagesUseCase.class, DeliverFeedbackUseCase.class, AdvanceAutomationRunUseCase.class,
        ExpandListSendUseCase.class, RunBulkJobUseCase.class, ApplyRetentionUseCase.class, CountFunnelUseCase.class})
class DurableTasks {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofMinutes(10);

    private final OneTimeTask<TaskDescriptors.MessageBatch> deliverMessages;
    private final OneTimeTask<TaskDescriptors.AutomationWakeUp> advanceAutomationRun;
    private final OneTimeTask<ListSendPage> expandListSend;
    private final OneTimeTask<TaskDescriptors.BulkPage> runBulkPage;
    private final RecurringTask<Void> deliverFeedback;
    private final RecurringTask<Void> applyRetention;
    private final RecurringTask<Void> countFunnel;

    DurableTasks(DeliverMessagesUseCase delivery, DeliverFeedbackUseCase feedback, AdvanceAutomationRunUseCase automations,
                 ExpandListSendUseCase listSends, RunBulkJobUseCase bulk, ApplyRetentionUseCase retention, CountFunnelUseCase funnel) {
        this.deliverMessages = Tasks.oneTime(TaskDescriptors.DELIVER_MESSAGES)
                .onFailure(new CappedBackoff<>(FIRST_RETRY, MAX_RETRY))
                .execute((instance, context) -> delivery.deliver(instance.getData().ids().stream().map(MessageId::new).toList()));
        this.advanceAutomationRun = Tasks.oneTime(TaskDescriptors.ADVANCE_AUTOMATION_RUN)
                .onFailure(new CappedBackoff<>(FIRST_RETRY, MAX_RETRY))
                .execute((instance, context) -> automations.advance(new AutomationRunId(instance.getData().runId()),
                        instance.getData().step()));
        this.expandListSend = Tasks.oneTime(TaskDescriptors.EXPAND_LIST_SEND)
                .onFailure(new CappedBackoff<>(FIRST_RETRY, MAX_RETRY))
                .execute((instance, context) -> {
                    ListSendPage page = instance.getData();
                    listSends.expand(new ListPage(page.requestId(), page.spec(), page.recipient(), Optional.ofNullable(page.after())));
                });
        this.runBulkPage = Tasks.oneTime(TaskDescriptors.RUN_BULK_PAGE)
                .onFailure(new CappedBackoff<>(FIRST_RETRY, MAX_RETRY))
                .execute((instance, context) -> bulk.runPage(instance.getData().jobId(), instance.getData().afterSeq()));
        this.deliverFeedback = Tasks.recurring(TaskDescriptors.DELIVER_FEEDBACK, FixedDelay.ofSeconds(1))
                .execute((instance, context) -> feedback.deliverAllDue());
        this.applyRetention = Tasks.recurring(TaskDescriptors.APPLY_RETENTION, FixedDelay.ofHours(24))
                .execute((instance, context) -> retention.applyRetention());
        this.countFunnel = Tasks.recurring(TaskDescriptors.COUNT_FUNNEL, FixedDelay.ofMinutes(1))
                .execute((instance, context) -> funnel.countDueDays());
    }

    /** Work scheduled when something calls for it. */
    List<Task<?>> oneTime() {
        return List.of(deliverMessages, advanceAutomationRun, expandListSend, runBulkPage);
    }

    /** Work that runs on a schedule from start-up on, on one instance at a time. */
    List<RecurringTask<?>> recurring() {
        return List.of(deliverFeedback, applyRetention, countFunnel);
    }
}
