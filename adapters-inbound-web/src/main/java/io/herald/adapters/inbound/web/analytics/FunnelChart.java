package io.herald.adapters.inbound.web.analytics;

import io.herald.application.port.out.MessageRepository.FunnelCounts;
import io.herald.application.port.out.MessageRepository.FunnelDay;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-day chart as geometry, so the template only draws rectangles and text: one group of four bars (sent,
 * delivered, opened, clicked) per day, on a y axis rounded up to 1, 2 or 5 times a power of ten. Server-side SVG keeps
 * the console free of scripts that chart, and each bar's {@code <title>} names its figure for a pointer or a reader.
 */
public record FunnelChart(int width, int height, int plotLeft, int plotBottom, List<Tick> ticks, List<DayLabel> labels,
                          List<Bar> bars) {

    static final int WIDTH = 960;
    static final int HEIGHT = 230;
    private static final int LEFT = 56;
    private static final int RIGHT = 8;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final int MAX_LABELS = 10;
    /** The milestones drawn for each day, in order. */
    private static final List<String> CHARTED = List.of("sent", "delivered", "opened", "clicked");
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    /** @param y where the grid line is drawn */
    public record Tick(int y, String label) {
    }

    public record DayLabel(double x, String label) {
    }

    /** @param kind the milestone, which is also the bar's CSS class ({@code bar-sent} …) */
    public record Bar(double x, double y, double width, double height, String kind, String title) {
    }

    static FunnelChart of(List<FunnelDay> days) {
        long highest = days.stream().map(FunnelDay::counts)
                .mapToLong(counts -> Math.max(Math.max(counts.sent(), counts.delivered()), Math.max(counts.opened(), counts.clicked())))
                .max().orElse(0);
        long top = roundUp(Math.max(highest, 4));
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotBottom = HEIGHT - BOTTOM;
        List<Tick> ticks = new ArrayList<>();
        for (int step = 0; step <= 4; step++) {
            long value = top * step / 4;
            ticks.add(new Tick(plotBottom - (int) Math.round((double) plotHeight * step / 4), String.format(Locale.ENGLISH, "%,d", value)));
        }
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(days.size(), 1);
        double barWidth = slot * 0.8 / 4;
        int labelEvery = (days.size() + MAX_LABELS - 1) / MAX_LABELS;
        List<DayLabel> labels = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (int index = 0; index < days.size(); index++) {
            FunnelDay day = days.get(index);
            double slotLeft = LEFT + slot * index;
            if (index % labelEvery == 0) {
                labels.add(new DayLabel(round(slotLeft + slot / 2), LABEL.format(day.day())));
            }
            FunnelCounts counts = day.counts();
            long[] values = {counts.sent(), counts.delivered(), counts.opened(), counts.clicked()};
            for (int kind = 0; kind < CHARTED.size(); kind++) {
                double barHeight = (double) plotHeight * values[kind] / top;
                String name = CHARTED.get(kind);
                bars.add(new Bar(round(slotLeft + slot * 0.1 + barWidth * kind), round(plotBottom - barHeight), round(barWidth),
                        round(barHeight), name, day.day() + ": " + String.format(Locale.ENGLISH, "%,d", values[kind]) + " " + name));
            }
        }
        return new FunnelChart(WIDTH, HEIGHT, LEFT, plotBottom, ticks, labels, bars);
    }

    /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code value}. */
    static long roundUp(long value) {
        long power = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (factor * power >= value) {
                    return factor * power;
                }
            }
            power *= 10;
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
