package io.herald.application.notification;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.ReportNotificationMetricsUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.MessageRepository.MetricsRow;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.shared.InvalidValueException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template's funnel over a window, read from its messages. The window is laid on the granularity's UTC grid (start
 * floored, end ceiled) and every bucket of it is listed, so a chart needs no gap filling; its length is bounded by the
 * granularity, so the answer is at most {@code 7 × 24} or {@code 90} buckets.
 */
public final class NotificationMetrics implements ReportNotificationMetricsUseCase {

    private final TemplateRepository templates;
    private final MessageRepository messages;
    private final Clock clock;

    public NotificationMetrics(TemplateRepository templates, MessageRepository messages, Clock clock) {
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Metrics metrics(String templateId, Window window) {
        if (templates.draft(templateId).isEmpty()) {
            throw new NotFoundException("No notification '" + templateId + "'");
        }
        Granularity granularity = window.granularity().orElse(Granularity.DAY);
        ChronoUnit unit = granularity == Granularity.HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        Instant start;
        Instant end;
        if (window.lookback().isPresent()) {
            if (window.start().isPresent() || window.end().isPresent()) {
                throw new InvalidValueException("Give either lookback or start and end, not both");
            }
            Duration lookback = window.lookback().get();
            if (lookback.isNegative() || lookback.isZero()) {
                throw new InvalidValueException("lookback must be a positive duration");
            }
            end = clock.now();
            start = end.minus(lookback);
        } else if (window.start().isPresent() != window.end().isPresent()) {
            throw new InvalidValueException("start and end are given together");
        } else if (window.start().isPresent()) {
            start = window.start().get();
            end = window.end().get();
        } else {
            end = clock.now();
            start = end.minus(DEFAULT_LOOKBACK);
        }
        start = start.truncatedTo(unit);
        Instant floored = end.truncatedTo(unit);
        end = floored.equals(end) ? end : floored.plus(1, unit);
        if (!start.isBefore(end)) {
            throw new InvalidValueException("start must come before end");
        }
        Duration longest = granularity == Granularity.HOUR ? MAX_HOURLY : MAX_DAILY;
        if (Duration.between(start, end).compareTo(longest) > 0) {
            throw new InvalidValueException("A window by " + granularity + " covers at most " + longest.toDays() + " days; this one covers "
                    + Duration.between(start, end).toHours() + " hours");
        }
        Map<Instant, List<MetricsRow>> byPeriod = new LinkedHashMap<>();
        for (Instant period = start; period.isBefore(end); period = period.plus(1, unit)) {
            byPeriod.put(period, new ArrayList<>());
        }
        for (MetricsRow row : messages.templateMetrics(templateId, start, end, unit)) {
            byPeriod.computeIfAbsent(row.period(), period -> new ArrayList<>()).add(row);
        }
        List<Bucket> series = new ArrayList<>(byPeriod.size());
        byPeriod.forEach((period, rows) -> series.add(new Bucket(period, List.copyOf(rows))));
        return new Metrics(templateId, granularity, start, end, series);
    }
}
