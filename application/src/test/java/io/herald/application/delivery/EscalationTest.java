package io.herald.application.delivery;

import io.herald.application.port.in.RecordEngagementUseCase.EngagementReport;
import io.herald.application.port.in.RecordEngagementUseCase.Kind;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.application.delivery.DeliveryFixture.START;
import static io.herald.domain.message.HistoryType.ESCALATED;
import static io.herald.domain.message.HistoryType.OPENED;
import static io.herald.domain.message.HistoryType.RENDERED;
import static io.herald.domain.message.HistoryType.SENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A send's {@code timeout}: a channel sent but not opened within the escalation time gives way to the next channel of
 * its routing; one opened in time does not; when the last channel also times out, Segment hears the message was not
 * opened. Two hours pass by moving the clock to the escalation check.
 */
class EscalationTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);

    private final ScriptedSender email = ScriptedSender.local("email-local", Channel.EMAIL);
    private final ScriptedSender sms = ScriptedSender.local("sms-local", Channel.SMS);
    private final DeliveryFixture herald = DeliveryFixture.builder().channel(Channel.EMAIL, email).channel(Channel.SMS, sms).build();

    EscalationTest() {
        herald.template("welcome", Map.of(
                "channels", Map.of("email", Map.of("subject", "Welcome", "text", "Hi"), "sms", Map.of("body", "Did you see our email?")),
                "routing", Map.of("method", "single", "channels", List.of("email", "sms"))));
        herald.profile("alex", Map.of("email", "alex@example.org", "phone_number", "+15550100"));
    }

    @AfterEach
    void stop() {
        herald.close();
    }

    private MessageId sendWithEscalation(String criteria) {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "timeout", Map.of("escalation", TWO_HOURS.toMillis(), "criteria", criteria)));
        herald.runDueJobs();
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        return id;
    }

    private boolean report(MessageId id, Kind kind) {
        return herald.engagement().record(new EngagementReport("email-local", Optional.of(id), Optional.empty(), kind,
                herald.clock.now(), Optional.empty()));
    }

    @Test
    void anEmailNotOpenedInTimeEscalatesToTheNextChannelAndNotBefore() {
        MessageId id = sendWithEscalation("viewed");
        assertThat(herald.jobsFor(id)).as("the escalation check").containsExactly(START, START.plus(TWO_HOURS));

        herald.clock.advance(Duration.ofMinutes(119));
        herald.deliverNow(id);
        assertThat(herald.historyTypes(id)).doesNotContain(ESCALATED);
        assertThat(sms.calls()).isZero();

        assertThat(herald.runNextJob()).contains(START.plus(TWO_HOURS));

        assertThat(herald.historyTypes(id)).containsSubsequence(SENT, ESCALATED, RENDERED, SENT);
        assertThat(herald.historyOf(id, ESCALATED)).singleElement().extracting(HistoryEntry::details)
                .isEqualTo(Map.of("channel", "email", "criteria", "viewed", "next_channel", "sms"));
        assertThat(sms.deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.address()).isEqualTo("+15550100");
            assertThat(delivery.content()).isEqualTo(Map.of("body", "Did you see our email?"));
        });
        assertThat(email.calls()).isEqualTo(1);
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.feedbackEventNames()).as("Segment heard of the message sent once").containsExactly("Message Sent");
    }

    @Test
    void anEmailOpenedInTimeDoesNotEscalate() {
        MessageId id = sendWithEscalation("viewed");
        herald.clock.advance(Duration.ofMinutes(30));
        assertThat(report(id, Kind.OPENED)).isTrue();

        herald.runJobsUntil(() -> false, Duration.ofHours(5));

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.OPENED);
        assertThat(herald.message(id).reachedAt(MessageStatus.OPENED)).contains(START.plus(Duration.ofMinutes(30)));
        assertThat(herald.historyTypes(id)).endsWith(SENT, OPENED).doesNotContain(ESCALATED);
        assertThat(sms.calls()).isZero();
    }

    @Test
    void aDeliveryReceiptMeetsTheDeliveredCriteriaButNotTheViewedOne() {
        MessageId delivered = sendWithEscalation("delivered");
        MessageId viewed = sendWithEscalation("viewed");
        report(delivered, Kind.DELIVERED);
        report(viewed, Kind.DELIVERED);

        herald.runJobsUntil(() -> false, Duration.ofHours(3));

        assertThat(herald.historyTypes(delivered)).doesNotContain(ESCALATED);
        assertThat(herald.historyTypes(viewed)).contains(ESCALATED);
        assertThat(sms.deliveries()).extracting(delivery -> delivery.messageId()).containsExactly(viewed);
    }

    @Test
    void whenTheLastChannelAlsoTimesOutSegmentHearsTheMessageWasNotOpened() {
        MessageId id = sendWithEscalation("viewed");
        herald.runNextJob();
        Instant smsSent = START.plus(TWO_HOURS);
        assertThat(herald.jobsFor(id)).last().isEqualTo(smsSent.plus(TWO_HOURS));

        assertThat(herald.runNextJob()).contains(smsSent.plus(TWO_HOURS));

        assertThat(herald.historyOf(id, ESCALATED)).extracting(HistoryEntry::details).containsExactly(
                Map.of("channel", "email", "criteria", "viewed", "next_channel", "sms"),
                Map.of("channel", "sms", "criteria", "viewed"));
        assertThat(herald.feedbackEvents()).filteredOn(event -> event.event().equals("Message Opened")).singleElement()
                .satisfies(notOpened -> {
                    assertThat(notOpened.segmentMessageId()).isEqualTo(id.value() + "-NOT_OPENED");
                    assertThat(notOpened.properties()).containsEntry("opened", false).containsEntry("messageId", id.value());
                    assertThat(notOpened.at()).isEqualTo(smsSent.plus(TWO_HOURS));
                });
        assertThat(herald.nextJobAt()).as("nothing is left to check").isEmpty();
        assertThat(email.calls() + sms.calls()).isEqualTo(2);
    }
}
