package io.herald.application.contract;

import io.herald.application.port.out.InboundEventLog.NewInboundEvent;
import io.herald.application.port.out.InboundEventLog.Outcome;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.application.port.out.MessageRepository.Output;
import io.herald.application.port.out.RetentionStore;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.Steps;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.feedback.FeedbackEvent;
import io.herald.domain.inbound.InboundEventStatus;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static io.herald.application.contract.MessageExamples.id;
import static io.herald.application.contract.MessageExamples.routed;
import static io.herald.application.contract.MessageExamples.toUser;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link RetentionStore} must do; run against the in-memory fakes and PostgreSQL. */
public abstract class RetentionStoreContract {

    private static final Instant CUTOFF = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant OLD = CUTOFF.minus(Duration.ofDays(1));
    private static final Instant RECENT = CUTOFF.plus(Duration.ofHours(1));

    protected abstract Stores emptyStores();

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    /** Each call in a transaction of its own, as the retention job makes them, until one deletes fewer than asked. */
    private List<Integer> batches(Supplier<Integer> delete, int limit) {
        List<Integer> deleted = new ArrayList<>();
        int count;
        do {
            count = inTransaction(delete);
            deleted.add(count);
        } while (count == limit);
        return deleted;
    }

    private static Message canceled(String id, Instant at) {
        Message message = toUser(id, "alex", at);
        message.cancel(at);
        return message;
    }

    @Test
    void messagesOlderThanTheCutoffThatAreNoLongerOnTheirWayGoWithAllTheyHold() {
        Stores stores = emptyStores();
        MessageRepository messages = stores.messages();
        Message sent = routed(toUser("m-old-sent", "alex", OLD), OLD);
        sent.sent("0", "sendgrid", "sg-1", OLD);
        Message undeliverable = toUser("m-old-undeliverable", "alex", OLD);
        undeliverable.fail(MessageReason.FAILED, "unrenderable", OLD);
        messages.insertAll(List.of(sent, undeliverable, canceled("m-old-canceled", OLD), toUser("m-old-enqueued", "alex", OLD),
                routed(toUser("m-old-routed", "alex", OLD), OLD), canceled("m-recent-canceled", RECENT)));
        messages.recordAttempts(List.of(new DeliveryAttempt(sent.id(), "0", Channel.EMAIL, "sendgrid", 1, AttemptOutcome.SENT, "sg-1",
                null, MessageStatus.SENT, OLD)));
        messages.saveOutputs(List.of(new Output(sent.id(), Channel.EMAIL, Map.of("subject", "Hi"), OLD)));
        stores.inbox().add(new InboxEntry(sent.id(), UserId.of("alex"), Map.of("title", "Hi"), OLD, null, null, null));

        assertThat(inTransaction(() -> stores.retention().deleteMessages(CUTOFF, 10))).isEqualTo(3);

        for (String gone : List.of("m-old-sent", "m-old-undeliverable", "m-old-canceled")) {
            assertThat(messages.find(id(gone))).as(gone).isEmpty();
            assertThat(messages.history(id(gone))).as(gone).isEmpty();
        }
        assertThat(messages.attempts(sent.id())).isEmpty();
        assertThat(messages.outputs(sent.id())).isEmpty();
        assertThat(stores.inbox().find(UserId.of("alex"), sent.id())).isEmpty();
        for (String kept : List.of("m-old-enqueued", "m-old-routed", "m-recent-canceled")) {
            assertThat(messages.find(id(kept))).as(kept).isPresent();
        }
    }

    @Test
    void messagesGoABoundedBatchAtATime() {
        Stores stores = emptyStores();
        stores.messages().insertAll(List.of(canceled("m-1", OLD), canceled("m-2", OLD), canceled("m-3", OLD)));

        assertThat(batches(() -> stores.retention().deleteMessages(CUTOFF, 2), 2)).containsExactly(2, 1);
        assertThat(inTransaction(() -> stores.retention().deleteMessages(CUTOFF, 2))).isZero();
    }

    @Test
    void inboundEventsReceivedBeforeTheCutoffGoOnceProcessedOrSetAside() {
        Stores stores = emptyStores();
        List<Long> ids = stores.inboundEvents().appendNew(List.of(event("processed", OLD), event("failed", OLD), event("pending", OLD),
                event("recent", RECENT)));
        stores.inboundEvents().recordOutcomes(List.of(new Outcome(ids.get(0), InboundEventStatus.PROCESSED, List.of(), List.of(), null, OLD),
                new Outcome(ids.get(1), InboundEventStatus.FAILED, List.of(), List.of(), "unreadable", OLD),
                new Outcome(ids.get(3), InboundEventStatus.PROCESSED, List.of(), List.of(), null, RECENT)));

        assertThat(batches(() -> stores.retention().deleteInboundEvents(CUTOFF, 1), 1)).containsExactly(1, 1, 0);

        assertThat(ids.stream().map(id -> stores.inboundEvents().find(id).isPresent()).toList()).containsExactly(false, false, true, true);
    }

    @Test
    void automationRunsCreatedBeforeTheCutoffGoOnceEnded() {
        Stores stores = emptyStores();
        AutomationRun completed = run("run-completed", OLD);
        completed.done(OLD);
        AutomationRun canceled = run("run-canceled", OLD);
        canceled.cancel(OLD);
        AutomationRun failed = run("run-failed", OLD);
        failed.fail("template 'welcome' does not exist", OLD);
        AutomationRun waiting = run("run-waiting", OLD);
        waiting.waitUntil(RECENT, OLD);
        AutomationRun recent = run("run-recent", RECENT);
        recent.cancel(RECENT);
        for (AutomationRun run : List.of(completed, canceled, failed, waiting, run("run-running", OLD), recent)) {
            stores.automationRuns().insert(run);
        }

        assertThat(batches(() -> stores.retention().deleteAutomationRuns(CUTOFF, 2), 2)).containsExactly(2, 1);

        for (String gone : List.of("run-completed", "run-canceled", "run-failed")) {
            assertThat(stores.automationRuns().find(new AutomationRunId(gone))).as(gone).isEmpty();
        }
        for (String kept : List.of("run-waiting", "run-running", "run-recent")) {
            assertThat(stores.automationRuns().find(new AutomationRunId(kept))).as(kept).isPresent();
        }
    }

    @Test
    void receiptsAndReportedFeedbackRecordedBeforeTheCutoffGo_whicheverHasMoreLeftSetsTheCount() {
        Stores stores = emptyStores();
        for (String receipt : List.of("old-1", "old-2", "old-3")) {
            inTransaction(() -> stores.webhookReceipts().firstSeen("sendgrid", receipt, OLD));
        }
        inTransaction(() -> stores.webhookReceipts().firstSeen("sendgrid", "recent", RECENT));
        stores.feedback().append(List.of(feedback("reported-old"), feedback("reported-recent"), feedback("unreported")));
        List<Long> feedbackIds = stores.feedback().due(10, RECENT).stream().map(pending -> pending.id()).toList();
        stores.feedback().markDelivered(List.of(feedbackIds.get(0)), OLD);
        stores.feedback().markDelivered(List.of(feedbackIds.get(1)), RECENT);

        assertThat(batches(() -> stores.retention().deleteReceiptsAndReportedFeedback(CUTOFF, 2), 2)).containsExactly(2, 1);

        for (String receipt : List.of("old-1", "old-2", "old-3")) {
            assertThat(inTransaction(() -> stores.webhookReceipts().firstSeen("sendgrid", receipt, RECENT))).as(receipt).isTrue();
        }
        assertThat(inTransaction(() -> stores.webhookReceipts().firstSeen("sendgrid", "recent", RECENT))).isFalse();
        stores.feedback().append(List.of(feedback("reported-old"), feedback("reported-recent"), feedback("unreported")));
        assertThat(stores.feedback().due(10, RECENT)).extracting(pending -> pending.event().segmentMessageId())
                .containsExactly("unreported", "reported-old");
    }

    @Test
    void inboxStreamEventsRecordedBeforeTheCutoffGo() {
        Stores stores = emptyStores();
        stores.messages().insertAll(List.of(toUser("m-1", "alex", OLD), toUser("m-2", "alex", OLD)));
        inTransaction(() -> {
            stores.inbox().add(new InboxEntry(id("m-1"), UserId.of("alex"), Map.of(), OLD, null, null, null));
            stores.inbox().add(new InboxEntry(id("m-2"), UserId.of("alex"), Map.of(), OLD, null, null, null));
            return stores.inbox().mark(UserId.of("alex"), id("m-1"), "read", RECENT);
        });

        assertThat(batches(() -> stores.retention().deleteInboxEvents(CUTOFF, 1), 1)).containsExactly(1, 1, 0);
        assertThat(stores.inbox().eventsAfter(UserId.of("alex"), 0, 10)).extracting(event -> event.type()).containsExactly("read");
    }

    private static NewInboundEvent event(String messageId, Instant receivedAt) {
        return new NewInboundEvent(messageId, "test", "track", "track/Signed Up", "alex", Map.of("messageId", messageId), receivedAt);
    }

    private static AutomationRun run(String id, Instant createdAt) {
        return AutomationRun.start(new AutomationRunId(id), Optional.of("onboarding"),
                Steps.parse(List.of(Map.of("action", "delay", "duration", "1 hour")), "steps", Optional.empty()), UserId.of("alex"),
                Optional.empty(), Map.of(), Map.of(), 0, createdAt);
    }

    private static FeedbackEvent feedback(String key) {
        return new FeedbackEvent(key, id("m-1"), "Message Delivered", UserId.of("alex"), Map.of(), OLD);
    }
}
