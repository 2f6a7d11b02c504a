package io.herald.persistence.support;

import io.herald.application.port.in.RedriveUseCase;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The WHERE, ORDER BY and LIMIT of one page of a table in the order of its key, from the filters given. Each shape must
 * stay on its index under a generic plan, which PostgreSQL may adopt for a statement that pgjdbc prepared on the server
 * (from its fifth execution on) and which is planned without the values:
 * <ul>
 * <li>The first filter given leads, as {@code column = ANY (?)}, and the page is ordered by that column and then the key,
 *     which only the index on (column, key) yields. With {@code column = ?} the planner sees that the key's own index
 *     yields the order too, and a generic plan, which must guess how common the value is, often walks that index and
 *     filters: a rare value then reads the whole table.
 * <li>The limit is written into the SQL: a generic plan assumes that a bound limit wants a tenth of the rows, and may
 *     then prefer reading everything and sorting.
 * </ul>
 */
public final class KeysetPage {

    private final String key;
    private final String direction;
    private final Conditions conditions = new Conditions();
    private String leading;

    private KeysetPage(String key, String direction, String comparison, Optional<?> position) {
        this.key = key;
        this.direction = direction;
        conditions.and(key + comparison + "?", position);
    }

    /** Rows before {@code before} in the key's order (all of them without it), the last one first. */
    public static KeysetPage newestFirst(String key, Optional<?> before) {
        return new KeysetPage(key, " DESC", " < ", before);
    }

    /** Rows after {@code after} in the key's order (all of them without it), the first one first. */
    public static KeysetPage oldestFirst(String key, Optional<?> after) {
        return new KeysetPage(key, "", " > ", after);
    }

    /**
     * {@code column} equals the value, when it is given. The first filter given leads: give the most selective first,
     * since the page walks the index on (that column, key) and the other filters only sift what it finds.
     */
    public KeysetPage filter(String column, Optional<String> value) {
        if (value.isPresent() && leading == null) {
            leading = column;
            conditions.and(column + " = ANY (?)", value.map(given -> new String[] {given}));
        } else {
            conditions.and(column + " = ?", value);
        }
        return this;
    }

    /**
     * {@code column} equals the enum constant, when one is given, written into the SQL as a literal (enum names only,
     * never text from a request): PostgreSQL can then prove a partial index's predicate, such as {@code status <>
     * 'RECEIVED'}, which no plan for a parameter can. Leads like {@link #filter}; one statement per constant.
     */
    public KeysetPage filterNamed(String column, Optional<? extends Enum<?>> value) {
        if (value.isPresent()) {
            String literal = "'" + value.get().name() + "'";
            if (leading == null) {
                leading = column;
                conditions.and(column + " = ANY (ARRAY[" + literal + "])");
            } else {
                conditions.and(column + " = " + literal);
            }
        }
        return this;
    }

    /** Any other condition with one parameter, when the value is given; it never leads. */
    public KeysetPage and(String clause, Optional<?> value) {
        conditions.and(clause, value);
        return this;
    }

    public KeysetPage within(String column, RedriveUseCase.Window window) {
        conditions.within(column, window);
        return this;
    }

    /** What follows {@code FROM table}: the conditions, the order and {@code LIMIT limit}. */
    public String sql(int limit) {
        return conditions.sql() + order() + " LIMIT " + limit;
    }

    /**
     * The page's {@code ORDER BY}. A query over the page's rows (a subquery) that orders them the same way reads them
     * in the order they come, without sorting.
     */
    public String order() {
        return " ORDER BY " + (leading == null ? key + direction : leading + direction + ", " + key + direction);
    }

    /** Binds the page's values from the first parameter on; returns the index of the next parameter. */
    public int bind(PreparedStatement statement) throws SQLException {
        return conditions.bind(statement, 1);
    }
}
