package io.herald.adapters.inbound.web.analytics;

import io.herald.adapters.inbound.web.page.Links;
import io.herald.adapters.inbound.web.page.Shell;
import io.herald.application.port.in.QueryMessagesUseCase.FunnelReport;
import io.herald.application.port.out.MessageRepository.FunnelCounts;
import io.herald.application.port.out.MessageRepository.FunnelDimension;
import io.herald.application.port.out.MessageRepository.FunnelGroup;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The funnel page: how far the messages of the last days got, as a whole, per day and per template, channel or
 * provider. Rates are of the messages sent, as an open rate is read in every email tool.
 *
 * @param by the dimension's wire name ({@code template}, {@code channel}, {@code provider})
 * @param value the one value of {@code by} the page is narrowed to, empty for all
 */
public record AnalyticsPage(Shell shell, String by, String value, int days, List<Integer> dayChoices, List<String> dimensions,
                            String firstDay, String lastDay, List<Stage> stages, String undeliverable, FunnelChart chart,
                            String chartSummary, List<DayRow> dayRows, List<GroupRow> groups) {

    static final List<Integer> DAY_CHOICES = List.of(7, 14, 30, 90);
    static final int DEFAULT_DAYS = 14;

    /**
     * One step of the summary funnel.
     *
     * @param share of the step it is measured against, as shown ({@code 84.2%}); empty for the first step
     * @param width the bar's width in percent of the widest step
     */
    public record Stage(String name, String count, String share, String of, int width) {
    }

    public record DayRow(String day, FunnelCounts counts, String openRate) {
    }

    /**
     * @param label the value as shown ({@code (none)} for messages without one)
     * @param narrow the page narrowed to this value, empty for messages without one (they cannot be picked)
     * @param messages the message log filtered to this value, where the log has that filter
     */
    public record GroupRow(String label, String narrow, String messages, FunnelCounts counts, String openRate, String clickRate) {
    }

    public boolean empty() {
        return stages.get(0).count().equals("0");
    }

    static AnalyticsPage of(Shell shell, FunnelReport report, FunnelDimension by, Optional<String> value, int days) {
        FunnelCounts total = report.total();
        long widest = Math.max(total.enqueued(), 1);
        List<Stage> stages = List.of(
                new Stage("Enqueued", count(total.enqueued()), "", "", width(total.enqueued(), widest)),
                new Stage("Sent", count(total.sent()), percent(total.sent(), total.enqueued()), "of enqueued", width(total.sent(), widest)),
                new Stage("Delivered", count(total.delivered()), percent(total.delivered(), total.sent()), "of sent",
                        width(total.delivered(), widest)),
                new Stage("Opened", count(total.opened()), percent(total.opened(), total.sent()), "of sent", width(total.opened(), widest)),
                new Stage("Clicked", count(total.clicked()), percent(total.clicked(), total.sent()), "of sent", width(total.clicked(), widest)));
        String dimension = wireName(by);
        List<GroupRow> groups = report.groups().stream().map(group -> groupRow(group, dimension, days)).toList();
        List<DayRow> dayRows = report.days().stream().map(day -> new DayRow(day.day().toString(), day.counts(),
                percent(day.counts().opened(), day.counts().sent()))).toList();
        String summary = "Messages per day from " + report.firstDay() + " to " + report.lastDay() + ": " + count(total.sent()) + " sent, "
                + count(total.delivered()) + " delivered, " + count(total.opened()) + " opened, " + count(total.clicked()) + " clicked";
        return new AnalyticsPage(shell, dimension, value.orElse(""), days, DAY_CHOICES,
                List.of(FunnelDimension.values()).stream().map(AnalyticsPage::wireName).toList(), report.firstDay().toString(),
                report.lastDay().toString(), stages, count(total.undeliverable()) + (total.enqueued() == 0 ? ""
                        : " (" + percent(total.undeliverable(), total.enqueued()) + " of enqueued)"),
                FunnelChart.of(report.days()), summary, dayRows, groups);
    }

    private static GroupRow groupRow(FunnelGroup group, String dimension, int days) {
        FunnelCounts counts = group.counts();
        String narrow = group.value().map(value -> "/console/analytics?by=" + dimension + "&" + Links.param("value", value) + "&days=" + days)
                .orElse("");
        String messages = group.value().filter(value -> dimension.equals("template"))
                .map(value -> "/console/messages?" + Links.param("template", value)).orElse("");
        return new GroupRow(group.value().orElse("(none)"), narrow, messages, counts, percent(counts.opened(), counts.sent()),
                percent(counts.clicked(), counts.sent()));
    }

    static String wireName(FunnelDimension dimension) {
        return dimension.name().toLowerCase(Locale.ROOT);
    }

    private static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "—" : String.format(Locale.ENGLISH, "%.1f%%", 100.0 * part / whole);
    }

    private static int width(long part, long widest) {
        return (int) Math.round(100.0 * part / widest);
    }
}
