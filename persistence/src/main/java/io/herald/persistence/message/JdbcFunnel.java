package io.herald.persistence.message;

import io.herald.application.port.out.FunnelRollups;
import io.herald.application.port.out.MessageRepository.Funnel;
import io.herald.application.port.out.MessageRepository.FunnelCounts;
import io.herald.application.port.out.MessageRepository.FunnelDay;
import io.herald.application.port.out.MessageRepository.FunnelGroup;
import io.herald.application.port.out.MessageRepository.FunnelQuery;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The funnel's SQL (ADR 0016): counting a day into {@code funnel_days}, and reading a funnel that sums the counted
 * days and counts the others (today, and any day not counted yet) from {@code messages} over its
 * {@code enqueued_at} index, in one statement per answer.
 */
@Singleton
@Transactional
class JdbcFunnel implements FunnelRollups {

    private static final String COUNTS = "count(*) AS enqueued, "
            + "count(*) FILTER (WHERE milestones ->> 'SENT' IS NOT NULL) AS sent, "
            + "count(*) FILTER (WHERE milestones ->> 'DELIVERED' IS NOT NULL) AS delivered, "
            + "count(*) FILTER (WHERE milestones ->> 'OPENED' IS NOT NULL) AS opened, "
            + "count(*) FILTER (WHERE milestones ->> 'CLICKED' IS NOT NULL) AS clicked, "
            + "count(*) FILTER (WHERE status = 'UNDELIVERABLE') AS undeliverable";
    private static final String SUMS = "sum(enqueued) AS enqueued, sum(sent) AS sent, sum(delivered) AS delivered, "
            + "sum(opened) AS opened, sum(clicked) AS clicked, sum(undeliverable) AS undeliverable";
    private static final String COUNTED_COLUMNS = "enqueued, sent, delivered, opened, clicked, undeliverable";
    private static final String DAY_OF_ENQUEUE = "(enqueued_at AT TIME ZONE 'UTC')::date";

    private final Db db;

    JdbcFunnel(Db db) {
        this.db = db;
    }

    @Override
    public Map<LocalDate, Instant> countedBetween(LocalDate first, LocalDate last) {
        Map<LocalDate, Instant> counted = new LinkedHashMap<>();
        db.query("SELECT day, rolled_at FROM funnel_rollups WHERE day >= ? AND day <= ? ORDER BY day", statement -> {
            statement.setObject(1, first);
            statement.setObject(2, last);
        }, row -> counted.put(row.getObject("day", LocalDate.class), Db.instant(row, "rolled_at")));
        return counted;
    }

    /** The day's row in funnel_rollups is written first: it locks the day, so a second instance counting it waits its turn. */
    @Override
    public void count(LocalDate day, Instant at) {
        db.update("INSERT INTO funnel_rollups (day, rolled_at) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET rolled_at = EXCLUDED.rolled_at",
                statement -> {
                    statement.setObject(1, day);
                    statement.setObject(2, Db.timestamp(at));
                });
        db.update("DELETE FROM funnel_days WHERE day = ?", statement -> statement.setObject(1, day));
        db.update("INSERT INTO funnel_days (day, template_id, channel, provider, " + COUNTED_COLUMNS + ") "
                + "SELECT ?, coalesce(template_id, ''), coalesce(channel, ''), coalesce(provider, ''), " + COUNTS
                + " FROM messages WHERE enqueued_at >= ? AND enqueued_at < ? GROUP BY 2, 3, 4", statement -> {
                    statement.setObject(1, day);
                    statement.setObject(2, Db.timestamp(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
                    statement.setObject(3, Db.timestamp(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
                });
    }

    @Override
    public int forgetBefore(LocalDate day) {
        db.update("DELETE FROM funnel_days WHERE day < ?", statement -> statement.setObject(1, day));
        return db.update("DELETE FROM funnel_rollups WHERE day < ?", statement -> statement.setObject(1, day));
    }

    /**
     * The counted days wholly inside the range are read from funnel_days, restricted to the days found counted at the
     * start, so a day counted meanwhile is read from one side only; the rest of the range is counted from messages, a
     * range of its index per stretch of uncounted days (usually one: today).
     */
    Funnel read(FunnelQuery query) {
        String column = switch (query.by()) {
            case TEMPLATE -> "template_id";
            case CHANNEL -> "channel";
            case PROVIDER -> "provider";
        };
        List<LocalDate> counted = countedDaysWithin(query.from(), query.to());
        List<Stretch> live = uncounted(query.from(), query.to(), counted);
        String valueFilter = query.value().isPresent() ? " AND " + column + " = ?" : "";
        Db.Binder bind = statement -> {
            int index = 1;
            statement.setArray(index++, db.textArray(counted.stream().map(LocalDate::toString).toList()));
            index = bindValue(statement, index, query.value());
            for (Stretch stretch : live) {
                statement.setObject(index++, Db.timestamp(stretch.start()));
                statement.setObject(index++, Db.timestamp(stretch.end()));
                index = bindValue(statement, index, query.value());
            }
        };
        StringBuilder days = new StringBuilder("SELECT day, " + COUNTED_COLUMNS + " FROM funnel_days WHERE day = ANY(?::date[])" + valueFilter);
        StringBuilder groups = new StringBuilder("SELECT " + column + " AS value, " + COUNTED_COLUMNS
                + " FROM funnel_days WHERE day = ANY(?::date[])" + valueFilter);
        for (int i = 0; i < live.size(); i++) {
            String range = " FROM messages WHERE enqueued_at >= ? AND enqueued_at < ?" + valueFilter;
            days.append(" UNION ALL SELECT ").append(DAY_OF_ENQUEUE).append(", ").append(COUNTS).append(range).append(" GROUP BY 1");
            groups.append(" UNION ALL SELECT coalesce(").append(column).append(", ''), ").append(COUNTS).append(range).append(" GROUP BY 1");
        }
        List<FunnelDay> byDay = db.query("SELECT day, " + SUMS + " FROM (" + days + ") AS counted GROUP BY day ORDER BY day", bind,
                row -> new FunnelDay(row.getObject("day", LocalDate.class), counts(row)));
        List<FunnelGroup> byValue = db.query("SELECT nullif(value, '') AS value, " + SUMS + " FROM (" + groups + ") AS counted"
                        + " GROUP BY value ORDER BY sum(enqueued) DESC, value LIMIT " + query.groups(), bind,
                row -> new FunnelGroup(Optional.ofNullable(row.getString("value")), counts(row)));
        return new Funnel(byDay, byValue);
    }

    private List<LocalDate> countedDaysWithin(Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
        return countedBetween(first, last).keySet().stream()
                .filter(day -> !day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(from)
                        && !day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(to))
                .toList();
    }

    /** A stretch {@code [start, end)} of time whose messages are counted as they stand. */
    private record Stretch(Instant start, Instant end) {
    }

    /** {@code [from, to)} without the counted days (which lie wholly inside it). */
    private static List<Stretch> uncounted(Instant from, Instant to, List<LocalDate> counted) {
        Set<LocalDate> skip = new HashSet<>(counted);
        List<Stretch> stretches = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
            Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = dayEnd.isAfter(to) ? to : dayEnd;
            if (!skip.contains(day)) {
                int last = stretches.size() - 1;
                if (last >= 0 && stretches.get(last).end().equals(start)) {
                    stretches.set(last, new Stretch(stretches.get(last).start(), end));
                } else {
                    stretches.add(new Stretch(start, end));
                }
            }
            start = end;
        }
        return stretches;
    }

    private static int bindValue(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
            return index + 1;
        }
        return index;
    }

    private static FunnelCounts counts(ResultSet row) throws SQLException {
        return new FunnelCounts(row.getLong("enqueued"), row.getLong("sent"), row.getLong("delivered"), row.getLong("opened"),
                row.getLong("clicked"), row.getLong("undeliverable"));
    }
}
