package io.herald.application.operations;

import io.herald.application.delivery.ProviderHealth;
import io.herald.application.delivery.Providers;
import io.herald.application.delivery.ScriptedSender;
import io.herald.application.fakes.InMemoryFeedbackOutbox;
import io.herald.application.fakes.MutableClock;
import io.herald.application.port.in.QueryHealthUseCase.Provider;
import io.herald.application.port.in.QueryHealthUseCase.Report;
import io.herald.application.port.out.OperationalStatus;
import io.herald.domain.delivery.CircuitBreaker;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** /health's report: only the database makes Herald DOWN; providers' circuits and the backlog are reported, not judged. */
class HealthServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final ProviderHealth providerHealth = new ProviderHealth(2, Duration.ofSeconds(30));
    private final Providers providers = new Providers(Map.of(Channel.EMAIL, List.of("sendgrid"), Channel.SMS, List.of("twilio")),
            List.of(ScriptedSender.remote("sendgrid", Channel.EMAIL), ScriptedSender.remote("twilio", Channel.SMS)));
    private boolean databaseAnswers = true;
    private final OperationalStatus status = new OperationalStatus() {
        @Override
        public boolean databaseAnswers() {
            return databaseAnswers;
        }

        @Override
        public Backlog backlog(Instant now) {
            return new Backlog(7, Duration.ofSeconds(40));
        }
    };

    private HealthService health(boolean feedbackOn) {
        return new HealthService(status, new InMemoryFeedbackOutbox(), feedbackOn, true, providers, providerHealth, clock);
    }

    @Test
    void aFailingProviderIsReportedWithItsCircuitWhileHeraldStaysUp() {
        providerHealth.record("sendgrid", DeliveryResult.TransientFailure.status(503, "503 unavailable"), NOW.minusSeconds(20));
        providerHealth.record("sendgrid", DeliveryResult.TransientFailure.status(503, "503 unavailable"), NOW.minusSeconds(10));
        providerHealth.record("twilio", new DeliveryResult.Sent("SM1"), NOW.minusSeconds(5));

        Report report = health(true).report();

        assertThat(report.up()).isTrue();
        assertThat(report.backlog()).contains(new OperationalStatus.Backlog(7, Duration.ofSeconds(40)));
        assertThat(report.feedback()).isPresent();
        assertThat(report.providers()).extracting(Provider::channels).containsExactlyInAnyOrder(Set.of(Channel.EMAIL), Set.of(Channel.SMS));
        Provider sendGrid = report.providers().stream().filter(p -> p.status().provider().equals("sendgrid")).findFirst().orElseThrow();
        assertThat(sendGrid.status().circuit()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(sendGrid.status().attempts()).isEqualTo(2);
        assertThat(sendGrid.status().failures()).isEqualTo(2);
        assertThat(sendGrid.status().lastError()).contains("503 unavailable");
        assertThat(sendGrid.status().lastFailure()).contains(NOW.minusSeconds(10));
        Provider twilio = report.providers().stream().filter(p -> p.status().provider().equals("twilio")).findFirst().orElseThrow();
        assertThat(twilio.status().circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(twilio.status().lastSuccess()).contains(NOW.minusSeconds(5));
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsDownWithoutBacklogOrFeedbackLag() {
        databaseAnswers = false;

        Report report = health(true).report();

        assertThat(health(true).isUp()).isFalse();
        assertThat(report.up()).isFalse();
        assertThat(report.backlog()).isEmpty();
        assertThat(report.feedback()).isEmpty();
        assertThat(health(false).report().feedback()).isEmpty();
    }

    @Test
    void attemptsOlderThanTheWindowNoLongerCount() {
        providerHealth.record("twilio", new DeliveryResult.PermanentFailure("21211 invalid", 400), NOW.minus(Duration.ofMinutes(20)));
        providerHealth.record("twilio", new DeliveryResult.Sent("SM2"), NOW.minus(Duration.ofMinutes(1)));

        var twilio = health(true).report().providers().stream().filter(p -> p.status().provider().equals("twilio")).findFirst()
                .orElseThrow().status();

        assertThat(twilio.attempts()).isEqualTo(1);
        assertThat(twilio.failures()).isZero();
        assertThat(twilio.circuit()).as("a permanent refusal leaves the circuit alone").isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
