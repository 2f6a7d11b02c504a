package io.herald.domain.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.herald.domain.delivery.CircuitBreaker.State.CLOSED;
import static io.herald.domain.delivery.CircuitBreaker.State.HALF_OPEN;
import static io.herald.domain.delivery.CircuitBreaker.State.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final CircuitBreaker circuit = new CircuitBreaker(3, Duration.ofSeconds(30));

    @Test
    void opensAfterTheThresholdOfFailuresInARowAndNotBefore() {
        assertThat(circuit.failed(T0)).isFalse();
        assertThat(circuit.failed(T0)).isFalse();
        assertThat(circuit.tryCall(T0)).isTrue();
        assertThat(circuit.failed(T0)).as("the third failure in a row opens it").isTrue();
        assertThat(circuit.state()).isEqualTo(OPEN);
        assertThat(circuit.mayCall(T0.plusSeconds(29))).isFalse();
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        circuit.failed(T0);
        circuit.failed(T0);
        assertThat(circuit.succeeded()).as("it was not open").isFalse();
        circuit.failed(T0);
        circuit.failed(T0);
        assertThat(circuit.state()).isEqualTo(CLOSED);
    }

    @Test
    void anOpenCircuitLetsOneProbeThroughAfterTheProbePeriodAndItsSuccessClosesIt() {
        open();
        assertThat(circuit.nextCallAt(T0)).isEqualTo(T0.plusSeconds(30));
        Instant probeTime = T0.plusSeconds(30);
        assertThat(circuit.tryCall(probeTime)).isTrue();
        assertThat(circuit.state()).isEqualTo(HALF_OPEN);
        assertThat(circuit.tryCall(probeTime)).as("one probe at a time").isFalse();
        assertThat(circuit.succeeded()).as("closing it is reported, so waiting messages can go").isTrue();
        assertThat(circuit.state()).isEqualTo(CLOSED);
        assertThat(circuit.tryCall(probeTime)).isTrue();
    }

    @Test
    void aFailedProbeOpensItForAnotherProbePeriod() {
        open();
        Instant probeTime = T0.plusSeconds(30);
        circuit.tryCall(probeTime);
        circuit.failed(probeTime);
        assertThat(circuit.state()).isEqualTo(OPEN);
        assertThat(circuit.mayCall(probeTime.plusSeconds(29))).isFalse();
        assertThat(circuit.mayCall(probeTime.plusSeconds(30))).isTrue();
    }

    @Test
    void aProbeWhoseOutcomeNeverComesIsReplacedAfterAnotherPeriod() {
        open();
        circuit.tryCall(T0.plusSeconds(30));
        assertThat(circuit.tryCall(T0.plusSeconds(59))).isFalse();
        assertThat(circuit.tryCall(T0.plusSeconds(60))).isTrue();
    }

    private void open() {
        circuit.failed(T0);
        circuit.failed(T0);
        circuit.failed(T0);
        assertThat(circuit.state()).isEqualTo(OPEN);
    }
}
