package io.herald.application.message;

import io.herald.application.fakes.DirectTransactions;
import io.herald.application.fakes.InMemoryMessageRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.application.port.out.FunnelRollups;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FunnelCountingTest {

    private static final Instant START = Instant.parse("2026-06-15T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-06-15");

    private final MutableClock clock = new MutableClock(START);
    private final FunnelRollups rollups = new InMemoryMessageRepository().rollups();
    private final FunnelCounting counting = new FunnelCounting(rollups, new DirectTransactions(), clock);

    @Test
    void theFirstRunCountsEveryPastDayOfTheLongestFunnelAndNeverToday() {
        assertThat(counting.countDueDays()).isEqualTo(89);

        assertThat(rollups.countedBetween(TODAY.minusDays(200), TODAY))
                .hasSize(89).doesNotContainKey(TODAY).containsKey(TODAY.minusDays(1)).containsKey(TODAY.minusDays(89));
        assertThat(counting.countDueDays()).isZero();
    }

    @Test
    void yesterdayIsCountedAgainEveryFiveMinutesTheSettlingDaysEveryHourAndASettledDayNever() {
        counting.countDueDays();

        clock.advance(Duration.ofMinutes(5));
        assertThat(counting.countDueDays()).isEqualTo(1);
        assertThat(rollups.countedBetween(TODAY.minusDays(1), TODAY.minusDays(1))).containsValue(clock.now());

        clock.advance(Duration.ofMinutes(55));
        // yesterday, and the six days before it, still within seven days of their end when last counted
        assertThat(counting.countDueDays()).isEqualTo(7);
        assertThat(rollups.countedBetween(TODAY.minusDays(8), TODAY.minusDays(8))).containsValue(START);
    }

    @Test
    void aNewDayCountsTheDayJustEndedAndForgetsTheDayThatLeftTheLongestFunnel() {
        counting.countDueDays();
        LocalDate oldest = TODAY.minusDays(89);

        clock.set(Instant.parse("2026-06-16T00:01:00Z"));
        counting.countDueDays();

        assertThat(rollups.countedBetween(TODAY, TODAY)).containsKey(TODAY);
        assertThat(rollups.countedBetween(oldest, oldest)).isEmpty();
    }

    @Test
    void aDayIsSettledOnceCountedSevenDaysAfterItsEnd() {
        LocalDate day = LocalDate.parse("2026-06-01");
        Instant end = Instant.parse("2026-06-02T00:00:00Z");
        LocalDate yesterday = TODAY.minusDays(1);

        assertThat(FunnelCounting.due(day, null, yesterday, START)).isTrue();
        assertThat(FunnelCounting.due(day, end.plus(Duration.ofDays(7)).minusSeconds(1), yesterday, START)).isTrue();
        assertThat(FunnelCounting.due(day, end.plus(Duration.ofDays(7)), yesterday, START)).isFalse();
        assertThat(FunnelCounting.due(yesterday, START.minus(Duration.ofMinutes(4)), yesterday, START)).isFalse();
        assertThat(FunnelCounting.due(yesterday, START.minus(Duration.ofMinutes(5)), yesterday, START)).isTrue();
    }
}
