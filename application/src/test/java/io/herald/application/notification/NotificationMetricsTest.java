package io.herald.application.notification;

import io.herald.application.errors.NotFoundException;
import io.herald.application.fakes.InMemoryBrandRepository;
import io.herald.application.fakes.InMemoryMessageRepository;
import io.herald.application.fakes.InMemoryNotificationChecks;
import io.herald.application.fakes.InMemoryTemplateRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.application.port.in.ManageNotificationsUseCase.Payload;
import io.herald.application.port.in.ReportNotificationMetricsUseCase.Bucket;
import io.herald.application.port.in.ReportNotificationMetricsUseCase.Granularity;
import io.herald.application.port.in.ReportNotificationMetricsUseCase.Metrics;
import io.herald.application.port.in.ReportNotificationMetricsUseCase.Window;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Elemental;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window rules; what is counted in each bucket is the message repositories' contract. */
class NotificationMetricsTest {

    private final InMemoryTemplateRepository templates = new InMemoryTemplateRepository();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:17:00Z"));
    private final NotificationMetrics metrics = new NotificationMetrics(templates, new InMemoryMessageRepository(), clock);
    private final String id = new NotificationService(templates, new InMemoryBrandRepository(), new InMemoryNotificationChecks(),
            new TemplateRenderer(), clock).create(new Payload("Welcome", Elemental.parse(Map.of("elements",
                    List.of(Map.of("type", "text", "content", "Hi"))), "content"), Optional.empty(), Optional.empty(), List.of()),
            false, "key_a").template().id();

    private static Window window(Granularity granularity, Duration lookback) {
        return new Window(Optional.ofNullable(granularity), Optional.ofNullable(lookback), Optional.empty(), Optional.empty());
    }

    private static Window between(Granularity granularity, String start, String end) {
        return new Window(Optional.ofNullable(granularity), Optional.empty(), Optional.ofNullable(start).map(Instant::parse),
                Optional.ofNullable(end).map(Instant::parse));
    }

    @Test
    void byDefaultTheLast30DaysByDay_laidOnTheGridWithEveryBucketListed() {
        Metrics last30 = metrics.metrics(id, window(null, null));

        assertThat(last30.granularity()).isEqualTo(Granularity.DAY);
        assertThat(last30.start()).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
        assertThat(last30.end()).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(last30.series()).hasSize(31).allSatisfy(bucket -> assertThat(bucket.data()).isEmpty());
        assertThat(last30.series().get(0).period()).isEqualTo(last30.start());
    }

    @Test
    void aLookbackOrAStartAndEndChooseTheWindow_hourlyUpTo7Days_dailyUpTo90() {
        Metrics lastDay = metrics.metrics(id, window(Granularity.HOUR, Duration.ofHours(24)));
        assertThat(lastDay.start()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(lastDay.end()).isEqualTo(Instant.parse("2026-12-04T11:00:00Z"));
        assertThat(lastDay.series()).hasSize(25).extracting(Bucket::period).startsWith(lastDay.start());

        Metrics pinned = metrics.metrics(id, between(Granularity.HOUR, "2026-12-01T00:00:00Z", "2026-12-08T00:00:00Z"));
        assertThat(pinned.series()).hasSize(168);
        assertThat(metrics.metrics(id, between(Granularity.DAY, "2026-09-05T00:00:00Z", "2026-12-04T00:00:00Z")).series()).hasSize(90);

        assertThatThrownBy(() -> metrics.metrics(id, between(Granularity.HOUR, "2026-12-01T00:00:00Z", "2026-12-08T00:00:01Z")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("at most 7 days");
        assertThatThrownBy(() -> metrics.metrics(id, window(Granularity.DAY, Duration.ofDays(91))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("at most 90 days");
    }

    @Test
    void aWindowThatIsNotOneIsRefused_andAnUnknownTemplateIsNotFound() {
        Window both = new Window(Optional.empty(), Optional.of(Duration.ofDays(1)), Optional.of(Instant.parse("2026-12-01T00:00:00Z")),
                Optional.of(Instant.parse("2026-12-02T00:00:00Z")));
        assertThatThrownBy(() -> metrics.metrics(id, both)).isInstanceOf(InvalidValueException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> metrics.metrics(id, between(null, "2026-12-01T00:00:00Z", null)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("together");
        assertThatThrownBy(() -> metrics.metrics(id, between(null, "2026-12-02T00:00:00Z", "2026-12-01T00:00:00Z")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("before end");
        assertThatThrownBy(() -> metrics.metrics(id, window(null, Duration.ZERO))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> metrics.metrics("nt_unknown", window(null, null))).isInstanceOf(NotFoundException.class);
    }
}
