package io.herald.persistence.support;

import io.herald.domain.json.StorableText;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL toolkit of the persistence adapters: statements on the connection of the current transaction
 * (micronaut-data's {@link JdbcOperations}), and the JSON and time conversions every table needs.
 */
@Singleton
public final class Db {


    private final JdbcOperations jdbc;
    private final JsonMapper json;

    Db(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> results = new ArrayList<>();
                while (rows.next()) {
                    results.add(mapper.map(rows));
                }
                return results;
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, Binder binder, RowMapper<T> mapper) {
        List<T> results = query(sql, binder, mapper);
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }

    public int update(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }

    public Connection connection() {
        return jdbc.getConnection();
    }

    public Array textArray(List<String> values) throws SQLException {
        return connection().createArrayOf("text", values.toArray(String[]::new));
    }

    /** JSON trees on the streaming writer ({@link JsonText}); anything else through the serde mapper. */
    public String toJson(Object value) {
        Optional<String> tree = JsonText.write(value);
        if (tree.isPresent()) {
            return tree.get();
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> jsonObject(String text) {
        Object value = jsonValue(text);
        if (value != null && !(value instanceof Map)) {
            throw new IllegalStateException("Stored JSON is not an object");
        }
        return (Map<String, Object>) value;
    }

    public Object jsonValue(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JsonText.read(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON is unreadable", e);
        }
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static List<String> texts(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /**
     * A page from rows read with {@code LIMIT limit + 1}: the first {@code limit}, and when there was one more, the
     * cursor at the last of them ({@code position} names a row's place in the order).
     */
    public static <T> io.herald.application.port.Page<T> pageOf(List<T> rowsPlusOne, int limit, java.util.function.Function<T, String> position) {
        if (rowsPlusOne.size() <= limit) {
            return new io.herald.application.port.Page<>(rowsPlusOne, null);
        }
        List<T> items = rowsPlusOne.subList(0, limit);
        return new io.herald.application.port.Page<>(items, cursor(position.apply(items.get(limit - 1))));
    }

    /** Opaque paging cursors: the position after which the next page starts. */
    public static String cursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static long longPosition(String cursor) {
        try {
            return Long.parseLong(position(cursor));
        } catch (NumberFormatException e) {
            throw new io.herald.domain.shared.InvalidValueException("cursor '" + cursor + "' is not a cursor Herald issued");
        }
    }

    public static String position(String cursor) {
        try {
            return StorableText.require(new String(Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8), "cursor");
        } catch (IllegalArgumentException e) {
            throw new io.herald.domain.shared.InvalidValueException("cursor '" + cursor + "' is not a cursor Herald issued");
        }
    }
}
