package io.herald.application.message;

import io.herald.application.port.in.CountFunnelUseCase;
import io.herald.application.port.in.QueryMessagesUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.FunnelRollups;
import io.herald.application.port.out.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Which days of the funnel to count, and when (ADR 0016). Today is never counted: the funnel reads it live. A day is
 * counted once it is over, then again while its messages are still being delivered, opened and clicked: yesterday
 * every {@link #YESTERDAY_EVERY}, the days before every {@link #SETTLING_EVERY}, until it has been counted
 * {@link #SETTLING} after its end; after that it is settled and kept as it is. Days past the longest funnel are
 * forgotten. Each day is counted in its own transaction, newest first, so the last week is ready first after an upgrade.
 */
public final class FunnelCounting implements CountFunnelUseCase {

    static final Duration SETTLING = Duration.ofDays(7);
    static final Duration YESTERDAY_EVERY = Duration.ofMinutes(5);
    static final Duration SETTLING_EVERY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(FunnelCounting.class);

    private final FunnelRollups rollups;
    private final Transactions transactions;
    private final Clock clock;

    public FunnelCounting(FunnelRollups rollups, Transactions transactions, Clock clock) {
        this.rollups = rollups;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int countDueDays() {
        Instant now = clock.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate yesterday = today.minusDays(1);
        LocalDate first = today.minusDays(QueryMessagesUseCase.MAX_FUNNEL_DAYS - 1L);
        long started = System.nanoTime();
        Map<LocalDate, Instant> counted = transactions.inTransaction(() -> rollups.countedBetween(first, yesterday));
        int days = 0;
        for (LocalDate day = yesterday; !day.isBefore(first); day = day.minusDays(1)) {
            if (due(day, counted.get(day), yesterday, now)) {
                LocalDate counting = day;
                transactions.inTransaction(() -> {
                    rollups.count(counting, now);
                    return null;
                });
                days++;
            }
        }
        int forgotten = transactions.inTransaction(() -> rollups.forgetBefore(first));
        if (days > 1 || forgotten > 0) {
            LOG.info("Funnel: counted {} days in {} ms, forgot {} days before {}", days, (System.nanoTime() - started) / 1_000_000,
                    forgotten, first);
        }
        return days;
    }

    /** @param countedAt when the day was last counted, null if never */
    static boolean due(LocalDate day, Instant countedAt, LocalDate yesterday, Instant now) {
        if (countedAt == null) {
            return true;
        }
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!countedAt.isBefore(end.plus(SETTLING))) {
            return false;
        }
        Duration every = day.equals(yesterday) ? YESTERDAY_EVERY : SETTLING_EVERY;
        return !countedAt.plus(every).isAfter(now);
    }
}
