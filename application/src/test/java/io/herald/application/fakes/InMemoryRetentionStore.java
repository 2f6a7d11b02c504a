package io.herald.application.fakes;

import io.herald.application.port.out.RetentionStore;
import io.herald.domain.message.MessageId;

import java.time.Instant;
import java.util.List;

/** Deletes from each fake what the database deletes from each table. */
public final class InMemoryRetentionStore implements RetentionStore {

    private final InMemoryMessageRepository messages;
    private final InMemoryInboxRepository inbox;
    private final InMemoryInboundEventLog inboundEvents;
    private final InMemoryAutomationRunRepository automationRuns;
    private final InMemoryWebhookReceipts receipts;
    private final InMemoryFeedbackOutbox feedback;

    public InMemoryRetentionStore(InMemoryMessageRepository messages, InMemoryInboxRepository inbox, InMemoryInboundEventLog inboundEvents,
                                  InMemoryAutomationRunRepository automationRuns, InMemoryWebhookReceipts receipts,
                                  InMemoryFeedbackOutbox feedback) {
        this.messages = messages;
        this.inbox = inbox;
        this.inboundEvents = inboundEvents;
        this.automationRuns = automationRuns;
        this.receipts = receipts;
        this.feedback = feedback;
    }

    @Override
    public int deleteMessages(Instant cutoff, int limit) {
        List<MessageId> deleted = messages.deleteEndedBefore(cutoff, limit);
        inbox.removeMessages(deleted);
        return deleted.size();
    }

    @Override
    public int deleteInboundEvents(Instant cutoff, int limit) {
        return inboundEvents.deleteProcessedBefore(cutoff, limit);
    }

    @Override
    public int deleteAutomationRuns(Instant cutoff, int limit) {
        return automationRuns.deleteEndedBefore(cutoff, limit);
    }

    @Override
    public int deleteReceiptsAndReportedFeedback(Instant cutoff, int limit) {
        return Math.max(receipts.deleteReceivedBefore(cutoff, limit), feedback.deleteDeliveredBefore(cutoff, limit));
    }

    @Override
    public int deleteInboxEvents(Instant cutoff, int limit) {
        return inbox.forgetEventsBefore(cutoff, limit);
    }
}
