package io.herald.application.engagement;

import io.herald.application.delivery.DeliveryFixture;
import io.herald.application.delivery.ScriptedSender;
import io.herald.application.port.in.RecordEngagementUseCase.EngagementReport;
import io.herald.application.port.in.RecordEngagementUseCase.Kind;
import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.domain.feedback.FeedbackEvent;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.application.delivery.DeliveryFixture.START;
import static io.herald.domain.message.HistoryType.CLICKED;
import static io.herald.domain.message.HistoryType.DELIVERED;
import static io.herald.domain.message.HistoryType.OPENED;
import static io.herald.domain.message.HistoryType.SENT;
import static io.herald.domain.message.HistoryType.UNDELIVERABLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider callbacks on a message the pipeline sent: delivery receipts, opens and clicks move it forward only, a
 * callback seen before changes nothing, a bounce makes it undeliverable, and a callback about no known message is
 * ignored. Each change records its Segment event.
 */
class EngagementServiceTest {

    private final DeliveryFixture herald = DeliveryFixture.builder()
            .channel(Channel.EMAIL, ScriptedSender.local("sendgrid", Channel.EMAIL))
            .channel(Channel.SMS, ScriptedSender.local("twilio", Channel.SMS))
            .build();
    private final EngagementService engagement = herald.engagement();
    private final MessageId id;

    EngagementServiceTest() {
        herald.profile("alex", Map.of("email", "alex@example.org", "phone_number", "+15550100"));
        id = sendOn("email");
    }

    @AfterEach
    void stop() {
        herald.close();
    }

    private MessageId sendOn(String channel) {
        MessageId sent = herald.send(Map.of("to", Map.of("user_id", "alex"), "content", Map.of("title", "Hi", "body", "Hello"),
                "routing", Map.of("method", "single", "channels", List.of(channel))));
        herald.runDueJobs();
        assertThat(herald.message(sent).status()).isEqualTo(MessageStatus.SENT);
        return sent;
    }

    /** SendGrid names the message by its own id (the provider message id it answered the send with). */
    private boolean sendGridReports(Kind kind, int minutesAfterStart, Optional<String> receipt, Optional<String> detail) {
        return engagement.record(new EngagementReport("sendgrid", Optional.empty(), Optional.of("sendgrid-1"), kind,
                at(minutesAfterStart), detail, receipt));
    }

    private boolean sendGridReports(Kind kind, int minutesAfterStart) {
        return sendGridReports(kind, minutesAfterStart, Optional.empty(), Optional.empty());
    }

    private static Instant at(int minutesAfterStart) {
        return START.plusSeconds(60L * minutesAfterStart);
    }

    @Test
    void deliveredOpenedAndClickedMoveTheMessageForwardAndEachIsReportedToSegment() {
        assertThat(sendGridReports(Kind.DELIVERED, 1)).isTrue();
        assertThat(sendGridReports(Kind.OPENED, 2)).isTrue();
        assertThat(sendGridReports(Kind.CLICKED, 3)).isTrue();

        Message message = herald.message(id);
        assertThat(message.status()).isEqualTo(MessageStatus.CLICKED);
        assertThat(message.reachedAt(MessageStatus.DELIVERED)).contains(at(1));
        assertThat(message.reachedAt(MessageStatus.OPENED)).contains(at(2));
        assertThat(message.reachedAt(MessageStatus.CLICKED)).contains(at(3));
        assertThat(herald.historyTypes(id)).endsWith(SENT, DELIVERED, OPENED, CLICKED);
        assertThat(herald.historyOf(id, OPENED)).singleElement().satisfies(opened -> {
            assertThat(opened.at()).isEqualTo(at(2));
            assertThat(opened.details()).isEqualTo(Map.of("channel", "email", "provider", "sendgrid"));
        });
        assertThat(herald.feedbackEventNames()).containsExactly("Message Sent", "Message Delivered", "Message Opened", "Message Clicked");
        assertThat(herald.feedbackEvents()).filteredOn(event -> event.event().equals("Message Opened")).singleElement()
                .satisfies(opened -> {
                    assertThat(opened.segmentMessageId()).isEqualTo(id.value() + "-OPENED");
                    assertThat(opened.properties()).containsEntry("opened", true).containsEntry("status", "OPENED")
                            .containsEntry("channel", "email").containsEntry("provider", "sendgrid");
                    assertThat(opened.at()).isEqualTo(at(2));
                });
        assertThat(herald.attempts(id)).singleElement().extracting(DeliveryAttempt::engagement)
                .as("kept on the attempt, where escalation checks read it").isEqualTo(MessageStatus.CLICKED);
    }

    @Test
    void aLateReceiptDoesNotMoveTheStatusBackButKeepsItsTime() {
        sendGridReports(Kind.OPENED, 5);
        sendGridReports(Kind.DELIVERED, 1);

        Message message = herald.message(id);
        assertThat(message.status()).isEqualTo(MessageStatus.OPENED);
        assertThat(message.reachedAt(MessageStatus.DELIVERED)).contains(at(1));
        assertThat(herald.historyOf(id, DELIVERED)).singleElement().extracting(HistoryEntry::at).isEqualTo(at(1));
        assertThat(herald.attempts(id)).singleElement().extracting(DeliveryAttempt::engagement).isEqualTo(MessageStatus.OPENED);
    }

    @Test
    void aCallbackSeenBeforeIsAcknowledgedAndChangesNothing() {
        assertThat(sendGridReports(Kind.OPENED, 2, Optional.of("sg-event-1"), Optional.empty())).isTrue();
        List<HistoryEntry> history = herald.history(id);
        List<FeedbackEvent> feedback = herald.feedbackEvents();

        assertThat(sendGridReports(Kind.OPENED, 2, Optional.of("sg-event-1"), Optional.empty())).isTrue();
        assertThat(sendGridReports(Kind.CLICKED, 3, Optional.of("sg-event-1"), Optional.empty())).as("the receipt, not the kind, names it")
                .isTrue();

        assertThat(herald.history(id)).isEqualTo(history);
        assertThat(herald.feedbackEvents()).isEqualTo(feedback);
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.OPENED);
    }

    @Test
    void aBounceMakesTheMessageUndeliverableWithTheProvidersReason() {
        assertThat(sendGridReports(Kind.BOUNCED, 1, Optional.empty(), Optional.of("550 5.1.1 mailbox unavailable"))).isTrue();

        Message message = herald.message(id);
        assertThat(message.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        assertThat(message.reason()).contains(MessageReason.BOUNCED);
        assertThat(message.error()).contains("550 5.1.1 mailbox unavailable");
        assertThat(herald.historyOf(id, UNDELIVERABLE)).singleElement().extracting(HistoryEntry::details)
                .isEqualTo(Map.of("channel", "email", "provider", "sendgrid", "reason", "BOUNCED", "error", "550 5.1.1 mailbox unavailable"));
        assertThat(herald.feedbackEvents()).filteredOn(event -> event.event().equals("Message Undeliverable")).singleElement()
                .satisfies(event -> assertThat(event.properties()).containsEntry("reason", "BOUNCED"));
    }

    @Test
    void aCarrierFailureIsAProviderErrorFoundByHeraldsIdWhenTheProvidersIdIsNotKnown() {
        MessageId text = sendOn("sms");

        assertThat(engagement.record(new EngagementReport("twilio", Optional.of(text), Optional.of("SM-not-on-record"), Kind.FAILED,
                at(1), Optional.of("30003 unreachable handset")))).isTrue();

        Message message = herald.message(text);
        assertThat(message.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        assertThat(message.reason()).contains(MessageReason.PROVIDER_ERROR);
        assertThat(message.channel()).contains(Channel.SMS);
    }

    @Test
    void aCallbackAboutNoKnownMessageIsIgnored() {
        List<HistoryEntry> history = herald.history(id);
        List<FeedbackEvent> feedback = herald.feedbackEvents();

        assertThat(engagement.record(new EngagementReport("sendgrid", Optional.empty(), Optional.of("sg-unknown"), Kind.DELIVERED,
                at(1), Optional.empty()))).isFalse();
        assertThat(engagement.record(new EngagementReport("sendgrid", Optional.of(new MessageId("msg-404")), Optional.empty(),
                Kind.OPENED, at(1), Optional.empty()))).isFalse();
        assertThat(engagement.record(new EngagementReport("twilio", Optional.empty(), Optional.of("sendgrid-1"), Kind.DELIVERED,
                at(1), Optional.empty()))).as("another provider's id").isFalse();

        assertThat(herald.history(id)).isEqualTo(history);
        assertThat(herald.feedbackEvents()).isEqualTo(feedback);
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
    }
}
