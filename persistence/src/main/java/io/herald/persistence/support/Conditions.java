package io.herald.persistence.support;

import io.herald.application.port.in.RedriveUseCase;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conditions of a WHERE clause, holding only those whose value was given, with their values in order. A statement
 * built this way has a plan of its own for each combination of filters: a guard such as {@code (? IS NULL OR col = ?)}
 * keeps one statement for all of them, and a generic plan of it cannot use the column's index.
 */
public final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** A condition with no parameter, such as {@code status = 'FAILED'}. */
    public Conditions and(String clause) {
        clauses.add(clause);
        return this;
    }

    /** A condition with one parameter, added when the value is given. */
    public Conditions and(String clause, Optional<?> value) {
        value.ifPresent(given -> {
            clauses.add(clause);
            values.add(given);
        });
        return this;
    }

    /** The bounds of the window that are given: {@code column >= from}, {@code column < to}. */
    public Conditions within(String column, RedriveUseCase.Window window) {
        and(column + " >= ?", window.from().map(Db::timestamp));
        return and(column + " < ?", window.to().map(Db::timestamp));
    }

    /** {@code " WHERE a AND b"}, or nothing when there is no condition. */
    public String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Binds the values from parameter {@code first} on; returns the index of the next parameter. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object value : values) {
            if (value instanceof String[] texts) {
                statement.setArray(index++, statement.getConnection().createArrayOf("text", texts));
            } else {
                statement.setObject(index++, value);
            }
        }
        return index;
    }
}
