package io.herald.application.port.in;

import io.herald.application.port.out.MessageRepository.MetricsRow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Courier's notification metrics ({@code GET /notifications/{id}/metrics}): one template's delivery funnel over a window,
 * in buckets of an hour or a day, per channel and provider. An unknown template is a NotFoundException; a window that is
 * not one is an InvalidValueException.
 */
public interface ReportNotificationMetricsUseCase {

    /** The longest window each granularity covers. */
    Duration MAX_HOURLY = Duration.ofDays(7);
    Duration MAX_DAILY = Duration.ofDays(90);
    /** The window when none is given: the last 30 days, by day. */
    Duration DEFAULT_LOOKBACK = Duration.ofDays(30);

    enum Granularity {
        HOUR, DAY
    }

    /**
     * Either {@code lookback} (back from now) or {@code start} and {@code end} together, never both; none means the
     * default lookback.
     */
    record Window(Optional<Granularity> granularity, Optional<Duration> lookback, Optional<Instant> start, Optional<Instant> end) {
    }

    Metrics metrics(String templateId, Window window);

    /**
     * @param start the window's start, floored onto the granularity's grid
     * @param end the window's end, ceiled onto it
     * @param series every bucket of the window, oldest first, with the channels and providers that handled a message in it
     */
    record Metrics(String templateId, Granularity granularity, Instant start, Instant end, List<Bucket> series) {
    }

    record Bucket(Instant period, List<MetricsRow> data) {
    }
}
