package io.herald.persistence.durable;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.herald.application.port.in.AdvanceAutomationRunUseCase;
import io.herald.application.port.in.ApplyRetentionUseCase;
import io.herald.application.port.in.DeliverFeedbackUseCase;
import io.herald.application.port.in.DeliverMessagesUseCase;
import io.herald.application.port.in.ExpandListSendUseCase;
import io.herald.application.port.out.DurableScheduler.ListPage;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.message.MessageId;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Every kind of durable work Herald runs on db-scheduler, and the use case each one drives. Use cases are
 * looked up lazily: they themselves schedule durable work, so they are built after the scheduler.
 */
@Singleton
class DurableTasks {

    static final String DELIVER_MESSAGES = "deliver-messages";
    static final String DELIVER_FEEDBACK = "deliver-engagement-feedback";
    static final String ADVANCE_AUTOMATION_RUN = "advance-automation-run";
    static final String EXPAND_LIST_SEND = "expand-list-send";
    static final String APPLY_RETENTION = "apply-retention";
    private static final int FEEDBACK_BATCH = 100;

    /** Task data must be a public type: db-scheduler stores it as JSON. */
    public record MessageBatch(List<String> ids) {
    }

    /** An automation run's wake-up: the step it was scheduled for, so a stale or repeated one changes nothing. */
    public record AutomationWakeUp(String runId, int step) {
    }

    /** A page of a send to a list (see {@link ListPage}); {@code after} is null for the first page. */
    public record ListSendPage(String requestId, Map<String, Object> spec, int recipient, String after) {
    }

    private final OneTimeTask<MessageBatch> deliverMessages;
    private final OneTimeTask<AutomationWakeUp> advanceAutomationRun;
    private final OneTimeTask<ListSendPage> expandListSend;
    private final RecurringTask<Void> deliverFeedback;
    private final RecurringTask<Void> applyRetention;
    private volatile BiConsumer<TaskInstance<MessageBatch>, Instant> followUps;

    DurableTasks(BeanProvider<DeliverMessagesUseCase> delivery, BeanProvider<DeliverFeedbackUseCase> feedback,
                 BeanProvider<AdvanceAutomationRunUseCase> automations, BeanProvider<ExpandListSendUseCase> listSends,
                 BeanProvider<ApplyRetentionUseCase> retention) {
        // Once a day, on one instance: what is past its retention goes, a batch at a time.
        this.applyRetention = Tasks.recurring(APPLY_RETENTION, FixedDelay.ofHours(24))
                .execute((instance, context) -> retention.get().applyRetention());
        // One instance at a time reports feedback (a recurring task runs on one scheduler), every second.
        this.deliverFeedback = Tasks.recurring(DELIVER_FEEDBACK, FixedDelay.ofSeconds(1))
                .execute((instance, context) -> {
                    DeliverFeedbackUseCase useCase = feedback.get();
                    while (useCase.deliverDue(FEEDBACK_BATCH) == FEEDBACK_BATCH) {
                        // more are due: keep going until the backlog is reported
                    }
                });
        this.deliverMessages = Tasks.oneTime(DELIVER_MESSAGES, MessageBatch.class)
                .onFailure(new CappedBackoff<>(Duration.ofSeconds(1), Duration.ofMinutes(10)))
                .execute((instance, context) -> {
                    List<MessageId> ids = instance.getData().ids().stream().map(MessageId::new).toList();
                    Map<MessageId, Instant> later = delivery.get().deliver(ids);
                    // Scheduled before this execution completes: if Herald stops in between, the execution runs
                    // again and schedules them again (an existing follow-up is not duplicated).
                    later.forEach((id, at) -> followUps.accept(instance(List.of(id), at), at));
                });
        this.expandListSend = Tasks.oneTime(EXPAND_LIST_SEND, ListSendPage.class)
                .onFailure(new CappedBackoff<>(Duration.ofSeconds(1), Duration.ofMinutes(10)))
                .execute((instance, context) -> {
                    ListSendPage page = instance.getData();
                    listSends.get().expand(new ListPage(page.requestId(), page.spec(), page.recipient(), Optional.ofNullable(page.after())));
                });
        this.advanceAutomationRun = Tasks.oneTime(ADVANCE_AUTOMATION_RUN, AutomationWakeUp.class)
                .onFailure(new CappedBackoff<>(Duration.ofSeconds(1), Duration.ofMinutes(10)))
                .execute((instance, context) -> automations.get()
                        .advance(new AutomationRunId(instance.getData().runId()), instance.getData().step()));
    }

    /** Where follow-up work is scheduled; set by {@link DurableWork} once its scheduler exists. */
    void scheduleFollowUpsWith(BiConsumer<TaskInstance<MessageBatch>, Instant> scheduler) {
        this.followUps = scheduler;
    }

    /** A job for these messages due at {@code at}; the first id and the time name it uniquely. */
    TaskInstance<MessageBatch> instance(List<MessageId> ids, Instant at) {
        return deliverMessages.instance(ids.get(0).value() + "@" + at.toEpochMilli(),
                new MessageBatch(ids.stream().map(MessageId::value).toList()));
    }

    /** A run's wake-up for {@code step} at {@code at}; the run, the step and the time name it uniquely. */
    TaskInstance<AutomationWakeUp> automationWakeUp(AutomationRunId run, int step, Instant at) {
        return advanceAutomationRun.instance(run.value() + "/" + step + "@" + at.toEpochMilli(), new AutomationWakeUp(run.value(), step));
    }

    /** A list send's page; the request, the recipient and where the page starts name it uniquely. */
    TaskInstance<ListSendPage> listSendPage(ListPage page) {
        String after = page.after().orElse(null);
        return expandListSend.instance(page.requestId() + "/" + page.recipient() + "/" + (after == null ? "" : after),
                new ListSendPage(page.requestId(), page.spec(), page.recipient(), after));
    }

    /** Work scheduled when something calls for it. */
    List<Task<?>> oneTime() {
        return List.of(deliverMessages, advanceAutomationRun, expandListSend);
    }

    /** Work that runs on a schedule from start-up on, on one instance at a time. */
    List<RecurringTask<?>> recurring() {
        return List.of(deliverFeedback, applyRetention);
    }
}
