package io.herald.adapters.inbound.rest.notification;

import io.herald.application.port.in.ReportNotificationMetricsUseCase;
import io.herald.application.port.in.ReportNotificationMetricsUseCase.Granularity;
import io.herald.application.port.in.ReportNotificationMetricsUseCase.Metrics;
import io.herald.application.port.in.ReportNotificationMetricsUseCase.Window;
import io.herald.application.port.out.MessageRepository.MetricsRow;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Courier's {@code GET /notifications/{id}/metrics}: a template's funnel in hourly or daily buckets, per channel and
 * provider. The window is {@code lookback} (ISO-8601 such as {@code P7D}, or {@code 36h}, {@code 7d}, {@code 2w}) or
 * {@code start} and {@code end} (ISO-8601 instants); times answer as second-precision UTC.
 */
@Tag(name = "Notifications")
@Controller("/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationMetricsController {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,5})([hdw])");

    private final ReportNotificationMetricsUseCase metrics;

    NotificationMetricsController(ReportNotificationMetricsUseCase metrics) {
        this.metrics = metrics;
    }

    @Get("/{id}/metrics")
    Map<String, Object> metrics(@PathVariable String id, @Nullable @QueryValue String granularity, @Nullable @QueryValue String lookback,
                                @Nullable @QueryValue String start, @Nullable @QueryValue String end) {
        Window window = new Window(Optional.ofNullable(granularity).map(NotificationMetricsController::granularity),
                Optional.ofNullable(lookback).map(NotificationMetricsController::duration),
                Optional.ofNullable(start).map(value -> instant("start", value)), Optional.ofNullable(end).map(value -> instant("end", value)));
        return body(metrics.metrics(id, window));
    }

    private static Map<String, Object> body(Metrics metrics) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notification_id", metrics.templateId());
        body.put("granularity", metrics.granularity().name());
        body.put("start", time(metrics.start()));
        body.put("end", time(metrics.end()));
        body.put("series", metrics.series().stream().map(bucket -> Map.of("period", time(bucket.period()),
                "data", bucket.data().stream().map(NotificationMetricsController::counters).toList())).toList());
        return body;
    }

    private static Map<String, Object> counters(MetricsRow row) {
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("channel", row.channel());
        counters.put("provider", row.provider());
        counters.put("sent", row.sent());
        counters.put("delivered", row.delivered());
        counters.put("opened", row.opened());
        counters.put("clicked", row.clicked());
        counters.put("errors", row.errors());
        counters.put("undeliverable", row.undeliverable());
        return counters;
    }

    private static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Granularity granularity(String value) {
        try {
            return Granularity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("granularity must be HOUR or DAY, not '" + value + "'");
        }
    }

    static Duration duration(String value) {
        Matcher matcher = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("lookback must be a duration such as P7D, 36h, 7d or 2w, not '" + value + "'");
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(name + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, not '" + value + "'");
        }
    }
}
