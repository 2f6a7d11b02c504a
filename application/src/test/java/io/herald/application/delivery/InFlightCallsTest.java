package io.herald.application.delivery;

import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.delivery.DeliveryResult;
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

import static io.herald.application.delivery.DeliveryFixture.START;
import static io.herald.domain.message.HistoryType.CANCELED;
import static io.herald.domain.message.HistoryType.PROVIDER_ERROR;
import static io.herald.domain.message.HistoryType.RENDERED;
import static io.herald.domain.message.HistoryType.ROUTED;
import static io.herald.domain.message.HistoryType.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Calls to remote providers between the pipeline's steps: recorded in flight with a follow-up at the end of their
 * lease, so that a call whose outcome never comes back counts as a transient failure and is retried; a cancel while a
 * call is under way wins over its late success; a provider that hangs holds up no other channel.
 */
class InFlightCallsTest {

    private final ScriptedSender sendGrid = ScriptedSender.remote("sendgrid", Channel.EMAIL);
    private final DeliveryFixture herald = DeliveryFixture.builder().channel(Channel.EMAIL, sendGrid).inbox().build();
    private final Instant leaseEnd = START.plus(herald.settings.inFlightLease());

    InFlightCallsTest() {
        herald.profile("alex", Map.of("email", "alex@example.org"));
    }

    @AfterEach
    void stop() {
        herald.close();
    }

    private MessageId sendEmail() {
        return herald.send(Map.of("to", Map.of("user_id", "alex"), "content", Map.of("title", "Hi", "body", "Hello"),
                "routing", Map.of("method", "single", "channels", List.of("email"))));
    }

    @Test
    void aCallUnderWayIsOnRecordInFlightWithAFollowUpAtTheEndOfItsLease() {
        sendGrid.holdsNextCall();
        MessageId id = sendEmail();

        herald.runDueJobs();

        assertThat(sendGrid.heldCall().delivery().messageId()).isEqualTo(id);
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.ROUTED);
        assertThat(herald.historyTypes(id)).endsWith(ROUTED, RENDERED);
        assertThat(herald.attempts(id)).extracting(DeliveryAttempt::provider, DeliveryAttempt::attempt, DeliveryAttempt::outcome,
                DeliveryAttempt::at).containsExactly(tuple("sendgrid", 1, AttemptOutcome.IN_FLIGHT, START));
        assertThat(herald.jobsFor(id)).containsExactly(START, leaseEnd);

        herald.clock.advance(Duration.ofMinutes(1));
        herald.deliverNow(id);

        assertThat(sendGrid.calls()).as("a look during the lease makes no second call").isEqualTo(1);
        assertThat(herald.jobsFor(id)).last().isEqualTo(leaseEnd);

        sendGrid.heldCall().answer(new DeliveryResult.Sent("sg-1"));
        herald.recordOutcomes();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.message(id).reachedAt(MessageStatus.SENT)).contains(START.plus(Duration.ofMinutes(1)));
        assertThat(herald.attempts(id)).extracting(DeliveryAttempt::outcome, DeliveryAttempt::providerMessageId)
                .containsExactly(tuple(AttemptOutcome.SENT, "sg-1"));
    }

    @Test
    void aCallWhoseOutcomeNeverComesCountsAsATransientFailureWhenItsLeaseEndsAndIsRetried() {
        sendGrid.holdsNextCall();
        MessageId id = sendEmail();
        herald.runDueJobs();

        assertThat(herald.runNextJob()).contains(leaseEnd);

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.message(id).reachedAt(MessageStatus.SENT)).contains(leaseEnd);
        assertThat(sendGrid.calls()).isEqualTo(2);
        assertThat(herald.historyOf(id, PROVIDER_ERROR)).singleElement().extracting(HistoryEntry::details)
                .isEqualTo(Map.of("channel", "email", "provider", "sendgrid", "transient", true, "next", "retry",
                        "error", "the outcome of this call is unknown: Herald stopped while making it"));
        assertThat(herald.attempts(id)).extracting(DeliveryAttempt::attempt, DeliveryAttempt::outcome, DeliveryAttempt::at)
                .containsExactly(tuple(1, AttemptOutcome.TRANSIENT, START), tuple(2, AttemptOutcome.SENT, leaseEnd));

        sendGrid.heldCall().answer(new DeliveryResult.Sent("sg-late"));
        herald.recordOutcomes();

        assertThat(herald.historyOf(id, SENT)).as("the late answer does not send the message twice").singleElement()
                .satisfies(sent -> assertThat(sent.details()).containsEntry("provider_message_id", "sendgrid-2"));
        assertThat(herald.attempts(id)).as("the provider did accept the first call after all")
                .extracting(DeliveryAttempt::attempt, DeliveryAttempt::outcome).containsExactly(tuple(1, AttemptOutcome.SENT),
                        tuple(2, AttemptOutcome.SENT));
        assertThat(herald.feedbackEventNames()).containsExactly("Message Sent");
    }

    @Test
    void anOutcomeThatCouldNotBeRecordedIsPickedUpAtTheEndOfTheLease() {
        MessageId id = sendEmail();
        herald.failNextRecording();

        herald.runDueJobs();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.ROUTED);
        assertThat(herald.attempts(id)).extracting(DeliveryAttempt::outcome).containsExactly(AttemptOutcome.IN_FLIGHT);

        herald.runNextJob();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(sendGrid.calls()).as("at least once towards the provider").isEqualTo(2);
        assertThat(herald.nextMoves(id)).containsExactly("retry");
    }

    @Test
    void aMessageCanceledWhileItsCallIsUnderWayStaysCanceledWhenTheProviderAcceptsIt() {
        sendGrid.holdsNextCall();
        MessageId id = sendEmail();
        herald.runDueJobs();

        assertThat(herald.messages().cancel(id).status()).isEqualTo(MessageStatus.CANCELED);
        sendGrid.heldCall().answer(new DeliveryResult.Sent("sg-1"));
        herald.recordOutcomes();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.CANCELED);
        assertThat(herald.historyTypes(id)).endsWith(ROUTED, RENDERED, CANCELED).doesNotContain(SENT);
        assertThat(herald.attempts(id)).as("the call is on record").extracting(DeliveryAttempt::outcome, DeliveryAttempt::providerMessageId)
                .containsExactly(tuple(AttemptOutcome.SENT, "sg-1"));
        assertThat(herald.feedbackEvents()).isEmpty();

        herald.runJobsUntil(() -> false, Duration.ofHours(1));
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.CANCELED);
        assertThat(sendGrid.calls()).isEqualTo(1);
    }

    @Test
    void aFailureThatComesBackAfterACancelIsNotRetried() {
        sendGrid.holdsNextCall();
        MessageId id = sendEmail();
        herald.runDueJobs();
        herald.messages().cancel(id);

        sendGrid.heldCall().answer(DeliveryResult.TransientFailure.timedOut("no answer in time"));
        herald.recordOutcomes();
        herald.runJobsUntil(() -> false, Duration.ofHours(1));

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.CANCELED);
        assertThat(herald.historyTypes(id)).doesNotContain(PROVIDER_ERROR);
        assertThat(sendGrid.calls()).isEqualTo(1);
    }

    @Test
    void aProviderThatDoesNotAnswerHoldsUpNoOtherChannel() {
        sendGrid.holdsNextCall();
        MessageId email = sendEmail();
        MessageId inbox = herald.send(Map.of("to", Map.of("user_id", "bo"), "content", Map.of("title", "Hi", "body", "In app"),
                "routing", Map.of("method", "single", "channels", List.of("inbox"))));

        herald.runDueJobs();

        assertThat(herald.message(inbox).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.message(email).status()).isEqualTo(MessageStatus.ROUTED);
        assertThat(sendGrid.heldCalls()).hasSize(1);
    }
}
