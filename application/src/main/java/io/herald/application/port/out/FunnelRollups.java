package io.herald.application.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The funnel counted ahead of time, a day of enqueue (UTC) at a time (ADR 0016). Once a day is counted,
 * {@link MessageRepository#funnel} reads it as it was counted then; days never counted are read from the messages.
 * Each call runs in the caller's transaction.
 */
public interface FunnelRollups {

    /** When each day in {@code [first, last]} that has been counted was last counted. */
    Map<LocalDate, Instant> countedBetween(LocalDate first, LocalDate last);

    /** Counts the messages enqueued on {@code day} again, replacing what was kept for it; two instances at once take turns. */
    void count(LocalDate day, Instant at);

    /** Forgets the days before {@code day}. @return how many days were forgotten */
    int forgetBefore(LocalDate day);
}
