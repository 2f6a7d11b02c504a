package io.herald.domain.delivery;

import io.herald.domain.delivery.FailoverPolicy.Call;
import io.herald.domain.delivery.FailoverPolicy.CountAsFailed;
import io.herald.domain.delivery.FailoverPolicy.GiveUp;
import io.herald.domain.delivery.FailoverPolicy.Move;
import io.herald.domain.delivery.FailoverPolicy.Wait;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.domain.delivery.AttemptOutcome.IN_FLIGHT;
import static io.herald.domain.delivery.AttemptOutcome.PERMANENT;
import static io.herald.domain.delivery.AttemptOutcome.SENT;
import static io.herald.domain.delivery.AttemptOutcome.TRANSIENT;
import static org.assertj.core.api.Assertions.assertThat;

class FailoverPolicyTest {

    private static final Instant DUE = Instant.parse("2026-12-01T10:00:00Z");
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));
    private final FailoverPolicy policy = new FailoverPolicy(3, BACKOFF, Duration.ofMinutes(2), Duration.ofHours(72));
    private final Circuits circuits = new Circuits();

    @Test
    void aFreshLegCallsTheFirstProvider() {
        assertThat(policy.decide(leg(true), DUE, circuits)).isEqualTo(new Call("sendgrid", 1));
    }

    @Test
    void aTransientFailureIsRetriedOnTheSameProviderAfterTheBackoffWithoutMovingTheDueTime() {
        Leg leg = leg(true, new LegAttempt("sendgrid", 1, TRANSIENT, "503", DUE));

        Wait wait = (Wait) policy.decide(leg, DUE, circuits);
        Wait again = (Wait) policy.decide(leg, DUE.plusMillis(1), circuits);

        assertThat(wait.provider()).isEqualTo("sendgrid");
        assertThat(wait.until()).isAfterOrEqualTo(DUE).isBeforeOrEqualTo(DUE.plus(BACKOFF.ceiling(1)));
        assertThat(again.until()).as("the jitter is seeded by the leg").isEqualTo(wait.until());
        assertThat(policy.decide(leg, wait.until(), circuits)).isEqualTo(new Call("sendgrid", 2));
    }

    @Test
    void aProviderSucceedingSinceTheFailureMeansRetryAtOnce() {
        Leg leg = leg(true, new LegAttempt("sendgrid", 1, TRANSIENT, "503", DUE));
        circuits.successes.put("sendgrid", DUE.plusMillis(10));

        assertThat(policy.decide(leg, DUE.plusMillis(20), circuits)).isEqualTo(new Call("sendgrid", 2));
    }

    @Test
    void afterTheAttemptsPerProviderItFailsOverToTheNextProvider() {
        Leg leg = leg(true, failures("sendgrid", 3).toArray(LegAttempt[]::new));

        assertThat(policy.decide(leg, DUE.plusSeconds(600), circuits)).isEqualTo(new Call("mailgun", 1));
        assertThat(policy.moveAfterFailure(leg, "sendgrid", DUE.plusSeconds(600), circuits)).isEqualTo(Move.FAILOVER);
    }

    @Test
    void aPermanentFailureFailsOverAtOnce() {
        Leg leg = leg(true, new LegAttempt("sendgrid", 1, PERMANENT, "invalid address", DUE));

        assertThat(policy.decide(leg, DUE, circuits)).isEqualTo(new Call("mailgun", 1));
    }

    @Test
    void withEveryProviderUsedUpAndAFallbackTheLegIsGivenUpWithTheLastError() {
        List<LegAttempt> attempts = new ArrayList<>(failures("sendgrid", 3));
        attempts.add(new LegAttempt("mailgun", 1, PERMANENT, "rejected", DUE));
        Leg leg = new Leg("m1/0", "email", List.of("sendgrid", "mailgun"), attempts, true, DUE);

        assertThat(policy.decide(leg, DUE.plusSeconds(600), circuits)).isEqualTo(new GiveUp("mailgun: rejected"));
        assertThat(policy.moveAfterFailure(leg, "mailgun", DUE, circuits)).isEqualTo(Move.FALLTHROUGH);
    }

    @Test
    void withNowhereElseToGoTransientFailuresAreSatOutUntilGiveUpAfter() {
        List<LegAttempt> attempts = new ArrayList<>(failures("sendgrid", 3));
        attempts.addAll(failures("mailgun", 3));
        Leg leg = new Leg("m1/0", "email", List.of("sendgrid", "mailgun"), attempts, false, DUE);

        FailoverPolicy.Decision later = policy.decide(leg, DUE.plusSeconds(3600), circuits);
        FailoverPolicy.Decision tooLate = policy.decide(leg, DUE.plus(Duration.ofHours(72)), circuits);

        assertThat(later).isEqualTo(new Call("sendgrid", 4));
        assertThat(policy.moveAfterFailure(leg, "mailgun", DUE.plusSeconds(3600), circuits)).isEqualTo(Move.FAILOVER);
        assertThat(tooLate).isInstanceOf(GiveUp.class);
        assertThat(((GiveUp) tooLate).lastError()).startsWith("mailgun: 503").contains("given up");
    }

    @Test
    void aCallUnderWayIsWaitedForUntilItsLeaseEndsThenCountsAsFailed() {
        Leg leg = leg(true, new LegAttempt("sendgrid", 1, IN_FLIGHT, null, DUE));

        assertThat(policy.decide(leg, DUE.plusSeconds(60), circuits)).isEqualTo(new Wait(DUE.plusSeconds(120), "sendgrid", List.of()));
        CountAsFailed lost = (CountAsFailed) policy.decide(leg, DUE.plusSeconds(120), circuits);
        assertThat(lost.provider()).isEqualTo("sendgrid");
        assertThat(lost.number()).isEqualTo(1);
        assertThat(lost.at()).isEqualTo(DUE);
        assertThat(lost.failure().called()).isTrue();
    }

    @Test
    void anOpenCircuitIsRecordedOnceAsNotCalledThenSkipped() {
        CircuitBreaker sendgrid = circuits.circuit("sendgrid");
        for (int i = 0; i < 5; i++) {
            sendgrid.failed(DUE);
        }

        CountAsFailed notCalled = (CountAsFailed) policy.decide(leg(true), DUE, circuits);
        Leg recorded = leg(true, new LegAttempt("sendgrid", 1, TRANSIENT, notCalled.failure().error(), DUE));

        assertThat(notCalled.failure().called()).isFalse();
        assertThat(notCalled.failure().error()).contains("circuit open after 5 failed calls");
        assertThat(policy.decide(recorded, DUE, circuits)).isEqualTo(new Call("mailgun", 1));
    }

    @Test
    void withNowhereElseToGoItWaitsForTheProbeOfAnOpenCircuitAndSaysWhichCircuitsItAwaits() {
        CircuitBreaker sendgrid = circuits.circuit("sendgrid");
        for (int i = 0; i < 5; i++) {
            sendgrid.failed(DUE);
        }
        Leg leg = new Leg("m1/0", "email", List.of("sendgrid"), List.of(new LegAttempt("sendgrid", 1, TRANSIENT, "503", DUE)),
                false, DUE);

        Wait wait = (Wait) policy.decide(leg, DUE.plusSeconds(1), circuits);

        assertThat(wait.until()).isEqualTo(DUE.plusSeconds(30));
        assertThat(wait.awaitingCircuits()).containsExactly("sendgrid");
    }

    @Test
    void previewingTheMoveClaimsNoProbe() {
        CircuitBreaker sendgrid = circuits.circuit("sendgrid");
        for (int i = 0; i < 5; i++) {
            sendgrid.failed(DUE);
        }
        Leg leg = leg(true, new LegAttempt("sendgrid", 1, TRANSIENT, "503", DUE));

        policy.moveAfterFailure(leg, "sendgrid", DUE.plusSeconds(30), circuits);

        assertThat(sendgrid.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void noProviderAtAllIsGivenUpSayingSo() {
        Leg leg = new Leg("m1/0", "sms", List.of(), List.of(), true, DUE);

        assertThat(policy.decide(leg, DUE, circuits)).isEqualTo(new GiveUp("no provider is configured for sms"));
        assertThat(policy.moveAfterFailure(leg, "twilio", DUE, circuits)).isEqualTo(Move.FALLTHROUGH);
    }

    @Test
    void aSentAttemptCountsAsAnAttemptNumber() {
        Leg leg = leg(true, new LegAttempt("sendgrid", 1, SENT, null, DUE));

        assertThat(policy.decide(leg, DUE, circuits)).isEqualTo(new Call("sendgrid", 2));
    }

    private static Leg leg(boolean hasFallback, LegAttempt... attempts) {
        return new Leg("m1/0", "email", List.of("sendgrid", "mailgun"), List.of(attempts), hasFallback, DUE);
    }

    private static List<LegAttempt> failures(String provider, int count) {
        List<LegAttempt> attempts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            attempts.add(new LegAttempt(provider, i, TRANSIENT, "503", DUE.plusSeconds(i)));
        }
        return attempts;
    }

    private static final class Circuits implements ProviderCircuits {
        final Map<String, CircuitBreaker> breakers = new HashMap<>();
        final Map<String, Instant> successes = new HashMap<>();

        @Override
        public CircuitBreaker circuit(String provider) {
            return breakers.computeIfAbsent(provider, p -> new CircuitBreaker(5, Duration.ofSeconds(30)));
        }

        @Override
        public Optional<Instant> lastSuccess(String provider) {
            return Optional.ofNullable(successes.get(provider));
        }
    }
}
