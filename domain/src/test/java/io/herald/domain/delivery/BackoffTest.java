package io.herald.domain.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    @Test
    void theCeilingDoublesFromTheFirstWaitUpToTheCap() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.ceiling(8)).isEqualTo(Duration.ofMinutes(4).plusSeconds(16));
        assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.ceiling(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void waitsAreSpreadBelowTheCeilingSoThatCallersFailingTogetherDoNotComeBackTogether() {
        long distinct = java.util.stream.LongStream.range(0, 200).map(seed -> backoff.delay(6, seed).toMillis()).distinct().count();
        assertThat(distinct).isGreaterThan(150);
        for (long seed = 0; seed < 1_000; seed++) {
            assertThat(backoff.delay(6, seed)).isBetween(Duration.ZERO, backoff.ceiling(6));
            assertThat(backoff.delay(1)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void theSameSeedGivesTheSameWaitSoADueTimeDerivedAgainDoesNotMove() {
        assertThat(backoff.delay(4, 42L)).isEqualTo(backoff.delay(4, 42L));
    }

    @Test
    void refusesAFirstWaitThatIsNotPositiveOrACapBelowIt() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
