package io.herald.application.engagement;

import io.herald.application.delivery.InboxSender;
import io.herald.application.feedback.FeedbackRecorder;
import io.herald.application.port.in.RecordEngagementUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.InboxRepository;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.WebhookReceipts;
import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageStatus;


import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Applies provider callbacks and inbox actions to messages: the engagement is recorded on the delivery attempt
 * that was sent (escalation checks read it there) and moves the message forward; a late report still leaves
 * its time in the history, and a report about an unknown message is ignored.
 */
public final class EngagementService implements RecordEngagementUseCase {

    private final MessageRepository messages;
    private final FeedbackRecorder feedback;
    private final WebhookReceipts receipts;
    private final InboxRepository inbox;
    private final Clock clock;

    public EngagementService(MessageRepository messages, FeedbackRecorder feedback, WebhookReceipts receipts, InboxRepository inbox,
                             Clock clock) {
        this.messages = messages;
        this.feedback = feedback;
        this.receipts = receipts;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public boolean record(EngagementReport report) {
        if (report.receipt().isPresent() && !receipts.firstSeen(report.provider(), report.receipt().get(), clock.now())) {
            return true;
        }
        Optional<DeliveryAttempt> attempt = report.providerMessageId()
                .flatMap(providerId -> messages.findAttempt(report.provider(), providerId))
                .or(() -> report.messageId().flatMap(id -> messages.attempts(id).stream()
                        .filter(a -> a.provider().equals(report.provider()) && a.outcome() == AttemptOutcome.SENT)
                        .max(Comparator.comparing(DeliveryAttempt::at))));
        Optional<Message> locked = attempt.map(DeliveryAttempt::messageId).or(report::messageId).flatMap(messages::lock);
        if (locked.isEmpty()) {
            return false;
        }
        Message message = locked.get();
        var channel = attempt.map(DeliveryAttempt::channel).or(message::channel).orElse(null);
        switch (report.kind()) {
            case DELIVERED, OPENED, CLICKED -> {
                MessageStatus engagement = MessageStatus.valueOf(report.kind().name());
                message.engaged(engagement, channel, report.provider(), report.at());
                attempt.ifPresent(a -> messages.recordEngagement(message.id(), a.leafId(), engagement, report.at()));
                if (engagement != MessageStatus.DELIVERED && !report.provider().equals(InboxSender.NAME)) {
                    // The same send seen elsewhere (an email or push opened): its inbox item is read too (DESIGN §13).
                    inbox.markReadOfMessage(message.id(), report.at());
                }
            }
            case BOUNCED -> message.bounced(MessageReason.BOUNCED, report.detail().orElse(null), channel, report.provider(), report.at());
            case FAILED -> message.bounced(MessageReason.PROVIDER_ERROR, report.detail().orElse(null), channel, report.provider(), report.at());
        }
        feedback.recordFor(List.of(message));
        messages.save(message);
        return true;
    }
}
