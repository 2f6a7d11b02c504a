package io.herald.application.delivery;

import io.herald.application.port.in.QueryHealthUseCase.ProviderStatus;
import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.delivery.CircuitBreaker;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.herald.application.delivery.DeliveryFixture.START;
import static io.herald.domain.message.HistoryType.PROVIDER_ERROR;
import static io.herald.domain.message.HistoryType.SENT;
import static io.herald.domain.message.HistoryType.UNDELIVERABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Retries, failover and giving up (ADR 0006) with remote providers that fail on purpose, the clock moved job by job:
 * a transient failure waits out its backoff on the same provider, then fails over after {@code attemptsPerProvider};
 * a permanent one fails over at once; a channel with nothing left falls through; with nowhere to go an outage is sat
 * out until {@code giveUpAfter}; an open circuit is not called.
 */
class RetryAndFailoverTest {

    private static final DeliveryResult SERVER_ERROR = DeliveryResult.TransientFailure.status(500, "500 internal error");
    private static final DeliveryResult INVALID_NUMBER = new DeliveryResult.PermanentFailure("21211 not a valid phone number", 400);

    private final ScriptedSender sendGrid = ScriptedSender.remote("sendgrid", Channel.EMAIL);
    private final ScriptedSender postmark = ScriptedSender.remote("postmark", Channel.EMAIL);
    private final ScriptedSender twilio = ScriptedSender.remote("twilio", Channel.SMS);
    private DeliveryFixture herald;

    private DeliveryFixture start(DeliveryFixture.Builder builder) {
        herald = builder.build();
        herald.profile("alex", Map.of("email", "alex@example.org", "phone_number", "+15550100"));
        return herald;
    }

    /** Email on SendGrid then Postmark, SMS on Twilio; circuits that no scenario here opens by accident. */
    private DeliveryFixture twoEmailProviders() {
        return start(DeliveryFixture.builder().channel(Channel.EMAIL, sendGrid, postmark).channel(Channel.SMS, twilio)
                .circuitFailures(1_000));
    }

    @AfterEach
    void stop() {
        herald.close();
    }

    private static Map<String, Object> toAlex(String... channels) {
        return Map.of("to", Map.of("user_id", "alex"), "content", Map.of("title", "Hi", "body", "Hello"),
                "routing", Map.of("method", "single", "channels", List.of(channels)));
    }

    @Test
    void aTransientFailureIsRetriedOnTheSameProviderOnceItsBackoffHasPassedAndNotBefore() {
        twoEmailProviders();
        sendGrid.answers(SERVER_ERROR);
        MessageId id = herald.send(toAlex("email"));

        herald.runDueJobs();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.ROUTED);
        assertThat(herald.attempts(id)).extracting(DeliveryAttempt::provider, DeliveryAttempt::attempt, DeliveryAttempt::outcome,
                DeliveryAttempt::at).containsExactly(tuple("sendgrid", 1, AttemptOutcome.TRANSIENT, START));
        assertThat(herald.historyOf(id, PROVIDER_ERROR)).singleElement().extracting(HistoryEntry::details)
                .isEqualTo(Map.of("channel", "email", "provider", "sendgrid", "error", "500 internal error",
                        "status_code", 500, "transient", true, "next", "retry"));
        List<Instant> jobs = herald.jobsFor(id);
        assertThat(jobs).as("the send, the call's in-flight lease, the retry").hasSize(3);
        assertThat(jobs.get(1)).isEqualTo(START.plus(herald.settings.inFlightLease()));
        Instant retryAt = jobs.get(2);
        assertThat(retryAt).as("within the first backoff ceiling").isAfter(START).isBefore(START.plus(herald.settings.backoff().first()));

        herald.clock.set(retryAt.minusMillis(1));
        herald.runDueJobs();
        herald.deliverNow(id);

        assertThat(sendGrid.calls()).as("nothing happens before the retry is due").isEqualTo(1);
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.ROUTED);
        assertThat(herald.jobsFor(id)).as("looking again does not move the retry").last().isEqualTo(retryAt);

        assertThat(herald.runNextJob()).contains(retryAt);

        Message message = herald.message(id);
        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        assertThat(message.provider()).contains("sendgrid");
        assertThat(message.reachedAt(MessageStatus.SENT)).contains(retryAt);
        assertThat(herald.attempts(id)).extracting(DeliveryAttempt::provider, DeliveryAttempt::attempt, DeliveryAttempt::outcome)
                .containsExactly(tuple("sendgrid", 1, AttemptOutcome.TRANSIENT), tuple("sendgrid", 2, AttemptOutcome.SENT));
        assertThat(sendGrid.calls()).isEqualTo(2);
        assertThat(postmark.calls()).isZero();
        assertThat(herald.feedbackEventNames()).containsExactly("Message Sent");
    }

    @Test
    void aProviderThatKeepsFailingIsRetriedAttemptsPerProviderTimesThenFailedOverToTheNext() {
        twoEmailProviders();
        sendGrid.afterwardsAnswers(SERVER_ERROR);
        MessageId id = herald.send(toAlex("email"));

        assertThat(herald.runJobsUntil(() -> herald.message(id).status() == MessageStatus.SENT, Duration.ofMinutes(10))).isTrue();

        assertThat(herald.message(id).provider()).contains("postmark");
        assertThat(sendGrid.calls()).isEqualTo(herald.settings.attemptsPerProvider()).isEqualTo(3);
        assertThat(postmark.calls()).isEqualTo(1);
        assertThat(herald.nextMoves(id)).containsExactly("retry", "retry", "failover");
        assertThat(herald.attempts(id)).extracting(DeliveryAttempt::provider, DeliveryAttempt::attempt, DeliveryAttempt::outcome)
                .containsExactlyInAnyOrder(tuple("sendgrid", 1, AttemptOutcome.TRANSIENT), tuple("sendgrid", 2, AttemptOutcome.TRANSIENT),
                        tuple("sendgrid", 3, AttemptOutcome.TRANSIENT), tuple("postmark", 1, AttemptOutcome.SENT));
        List<Instant> tries = herald.attempts(id).stream().filter(attempt -> attempt.provider().equals("sendgrid"))
                .map(DeliveryAttempt::at).toList();
        assertThat(Duration.between(tries.get(0), tries.get(1))).as("first backoff").isPositive().isLessThan(Duration.ofSeconds(2));
        assertThat(Duration.between(tries.get(1), tries.get(2))).as("second backoff, its ceiling doubled")
                .isPositive().isLessThan(Duration.ofSeconds(4));
        assertThat(herald.message(id).reachedAt(MessageStatus.SENT)).as("the failover does not wait").contains(tries.get(2));

        ProviderStatus health = herald.health.status("sendgrid", herald.clock.now());
        assertThat(health.attempts()).isEqualTo(3);
        assertThat(health.failures()).isEqualTo(3);
        assertThat(health.lastError()).contains("500 internal error");
    }

    @Test
    void aPermanentFailureFailsOverAtOnceWithoutARetry() {
        twoEmailProviders();
        sendGrid.answers(new DeliveryResult.PermanentFailure("400 does not contain a valid address", 400));
        MessageId id = herald.send(toAlex("email"));

        herald.runDueJobs();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.message(id).provider()).contains("postmark");
        assertThat(herald.message(id).reachedAt(MessageStatus.SENT)).contains(START);
        assertThat(sendGrid.calls()).isEqualTo(1);
        assertThat(herald.historyOf(id, PROVIDER_ERROR)).singleElement().satisfies(error -> assertThat(error.details())
                .containsEntry("provider", "sendgrid").containsEntry("transient", false).containsEntry("status_code", 400)
                .containsEntry("next", "failover"));
        assertThat(postmark.deliveries()).singleElement().satisfies(delivery -> assertThat(delivery.address()).isEqualTo("alex@example.org"));
    }

    @Test
    void aChannelWhoseOnlyProviderKeepsFailingFallsThroughToTheNextChannel() {
        start(DeliveryFixture.builder().channel(Channel.EMAIL, sendGrid).channel(Channel.SMS, twilio).circuitFailures(1_000));
        sendGrid.afterwardsAnswers(SERVER_ERROR);
        MessageId id = herald.send(toAlex("email", "sms"));

        assertThat(herald.runJobsUntil(() -> herald.message(id).status() == MessageStatus.SENT, Duration.ofMinutes(10))).isTrue();

        assertThat(herald.message(id).channel()).contains(Channel.SMS);
        assertThat(herald.nextMoves(id)).containsExactly("retry", "retry", "fallthrough");
        assertThat(twilio.deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.address()).isEqualTo("+15550100");
            assertThat(delivery.content()).isEqualTo(Map.of("body", "Hi\nHello"));
        });
        assertThat(herald.historyTypes(id)).doesNotContain(UNDELIVERABLE);
    }

    @Test
    void whenEveryChannelAndProviderFailedForGoodTheMessageIsUndeliverableWithTheLastError() {
        twoEmailProviders();
        twilio.answers(INVALID_NUMBER);
        MessageId id = herald.send(toAlex("sms"));

        herald.runDueJobs();

        Message message = herald.message(id);
        assertThat(message.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        assertThat(message.reason()).contains(MessageReason.PROVIDER_ERROR);
        assertThat(message.error()).contains("twilio: 21211 not a valid phone number");
        assertThat(herald.nextMoves(id)).containsExactly("undeliverable");
        assertThat(herald.historyTypes(id)).endsWith(PROVIDER_ERROR, UNDELIVERABLE);
        assertThat(herald.historyOf(id, UNDELIVERABLE)).singleElement().extracting(HistoryEntry::details)
                .isEqualTo(Map.of("channel", "sms", "reason", "PROVIDER_ERROR", "error", "twilio: 21211 not a valid phone number"));
        assertThat(herald.feedbackEvents()).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("Message Undeliverable");
            assertThat(event.properties()).containsEntry("reason", "PROVIDER_ERROR").containsEntry("channel", "sms")
                    .containsEntry("status", "UNDELIVERABLE");
        });

        herald.runJobsUntil(() -> false, Duration.ofHours(1));
        assertThat(twilio.calls()).as("the lease follow-up finds it ended").isEqualTo(1);
    }

    @Test
    void withNowhereElseToGoAnOutageIsSatOutPastAttemptsPerProviderAndTheMessageSentOnceItEnds() {
        start(DeliveryFixture.builder().channel(Channel.EMAIL, sendGrid).giveUpAfter(Duration.ofMinutes(30)).circuitFailures(1_000));
        sendGrid.answers(SERVER_ERROR, SERVER_ERROR, SERVER_ERROR, SERVER_ERROR, SERVER_ERROR, SERVER_ERROR, SERVER_ERROR, SERVER_ERROR);
        MessageId id = herald.send(toAlex("email"));

        assertThat(herald.runJobsUntil(() -> herald.message(id).status() == MessageStatus.SENT, Duration.ofMinutes(30))).isTrue();

        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(sendGrid.calls()).isEqualTo(9);
        assertThat(herald.nextMoves(id)).hasSize(8).containsOnly("retry");
        assertThat(herald.historyOf(id, SENT)).hasSize(1);
        List<DeliveryAttempt> attempts = herald.attempts(id);
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(Duration.between(attempts.get(i - 1).at(), attempts.get(i).at())).as("wait before try %d", i + 1)
                    .isLessThanOrEqualTo(herald.settings.backoff().cap());
        }
    }

    @Test
    void anOutageLongerThanGiveUpAfterEndsUndeliverableAndNoTryComesAfterIt() {
        Duration giveUpAfter = Duration.ofMinutes(30);
        start(DeliveryFixture.builder().channel(Channel.EMAIL, sendGrid).giveUpAfter(giveUpAfter).circuitFailures(1_000));
        sendGrid.afterwardsAnswers(SERVER_ERROR);
        MessageId id = herald.send(toAlex("email"));

        assertThat(herald.runJobsUntil(() -> herald.message(id).status().isEnd(), Duration.ofHours(2))).isTrue();

        Message message = herald.message(id);
        assertThat(message.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        assertThat(message.reason()).contains(MessageReason.PROVIDER_ERROR);
        assertThat(message.error()).hasValueSatisfying(error -> assertThat(error).startsWith("sendgrid: 500 internal error")
                .contains("given up"));
        List<Object> moves = herald.nextMoves(id);
        assertThat(moves).hasSizeGreaterThan(herald.settings.attemptsPerProvider());
        assertThat(moves.subList(0, moves.size() - 1)).containsOnly("retry");
        assertThat(moves).last().isEqualTo("undeliverable");
        assertThat(herald.attempts(id)).allSatisfy(attempt -> assertThat(attempt.at()).isBefore(START.plus(giveUpAfter)));

        int calls = sendGrid.calls();
        herald.runJobsUntil(() -> false, Duration.ofHours(3));
        assertThat(sendGrid.calls()).isEqualTo(calls);
    }

    @Test
    void anOpenCircuitIsSkippedForTheNextProviderWithOneEntrySayingSo() {
        start(DeliveryFixture.builder().channel(Channel.EMAIL, sendGrid, postmark));
        openCircuit("sendgrid");
        MessageId id = herald.send(toAlex("email"));

        herald.runDueJobs();

        assertThat(herald.message(id).provider()).contains("postmark");
        assertThat(sendGrid.calls()).isZero();
        assertThat(herald.historyOf(id, PROVIDER_ERROR)).singleElement().extracting(HistoryEntry::details)
                .isEqualTo(Map.of("channel", "email", "provider", "sendgrid", "transient", true, "next", "failover",
                        "error", "sendgrid: circuit open after 5 failed calls in a row; not called"));
        assertThat(herald.attempts(id)).extracting(DeliveryAttempt::provider, DeliveryAttempt::outcome)
                .containsExactly(tuple("postmark", AttemptOutcome.SENT), tuple("sendgrid", AttemptOutcome.TRANSIENT));
    }

    @Test
    void withNoOtherProviderMessagesWaitForTheProbeSayingSoOnceAndGoWhenItSucceeds() {
        start(DeliveryFixture.builder().channel(Channel.EMAIL, sendGrid));
        openCircuit("sendgrid");
        Instant probeAt = START.plus(herald.settings.circuitProbeAfter());
        MessageId first = herald.send(toAlex("email"));
        MessageId second = herald.send(toAlex("email"));

        herald.runDueJobs();
        herald.clock.advance(Duration.ofSeconds(10));
        herald.deliverNow(first);

        assertThat(sendGrid.calls()).isZero();
        for (MessageId id : List.of(first, second)) {
            assertThat(herald.message(id).status()).isEqualTo(MessageStatus.ROUTED);
            assertThat(herald.historyOf(id, PROVIDER_ERROR)).as("one entry, however often it is looked at").singleElement()
                    .satisfies(error -> assertThat(error.details()).containsEntry("next", "retry")
                            .containsEntry("error", "sendgrid: circuit open after 5 failed calls in a row; not called"));
            assertThat(herald.jobsFor(id)).last().isEqualTo(probeAt);
        }

        assertThat(herald.runNextJob()).contains(probeAt);

        assertThat(herald.health.circuit("sendgrid").state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(herald.message(first).status()).isEqualTo(MessageStatus.SENT);
        assertThat(herald.message(second).status()).isEqualTo(MessageStatus.SENT);
        assertThat(sendGrid.calls()).as("the probe, then the other message").isEqualTo(2);
        assertThat(herald.scheduler.deliveries()).as("the probe's success wakes the messages that waited for the circuit")
                .anySatisfy(woken -> {
                    assertThat(woken.messages()).containsExactlyInAnyOrder(first, second);
                    assertThat(woken.at()).isEqualTo(probeAt);
                });
        assertThat(herald.historyOf(first, PROVIDER_ERROR)).hasSize(1);
    }

    private void openCircuit(String provider) {
        for (int i = 0; i < herald.settings.circuitFailures(); i++) {
            herald.health.record(provider, DeliveryResult.TransientFailure.status(503, provider + ": 503"), herald.clock.now());
        }
        assertThat(herald.health.circuit(provider).state()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
