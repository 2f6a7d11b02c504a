package io.herald.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One real PostgreSQL per test JVM, started on first use with Herald's Flyway migrations applied
 * (those on the test classpath), and stopped when the JVM exits. Test classes share it; each resets
 * the state it depends on with {@link #truncateAllTables()}.
 */
public final class SharedPostgres {

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private SharedPostgres() {
    }

    private static final class Holder {
        static final EmbeddedPostgres SERVER = startAndMigrate();
    }

    public static String jdbcUrl() {
        return Holder.SERVER.getJdbcUrl(USER, DATABASE);
    }

    public static String username() {
        return USER;
    }

    public static DataSource dataSource() {
        return Holder.SERVER.getDatabase(USER, DATABASE);
    }

    /**
     * A new, empty database of that name on the same server (dropped first if a previous run left it), with no
     * schema: for tests that build a schema of their own, such as an upgrade from an earlier release.
     */
    public static DataSource freshDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + name, e);
        }
        return Holder.SERVER.getDatabase(USER, name);
    }

    public static String jdbcUrl(String database) {
        return Holder.SERVER.getJdbcUrl(USER, database);
    }

    /** Properties that point a Micronaut application context at this database. */
    public static Map<String, String> micronautProperties() {
        return Map.of(
                "datasources.default.url", jdbcUrl(),
                "datasources.default.username", USER,
                "datasources.default.password", "");
    }

    /**
     * Empties every Herald table, keeping the schema and Flyway's history. Work the previous test left running (a
     * delivery, the inbound drain) may hold row locks the TRUNCATE needs; PostgreSQL then breaks the deadlock by
     * failing one side, and if that is the TRUNCATE it is tried again.
     */
    public static void truncateAllTables() {
        for (int attempt = 1; ; attempt++) {
            try {
                truncateOnce();
                return;
            } catch (IllegalStateException e) {
                boolean deadlock = e.getCause() instanceof SQLException sql && "40P01".equals(sql.getSQLState());
                if (!deadlock || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void truncateOnce() {
        try (Connection connection = dataSource().getConnection();
             var statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (var rows = statement.executeQuery(
                    "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' "
                            + "AND tablename <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                statement.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reset the test database", e);
        }
    }

    private static EmbeddedPostgres startAndMigrate() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    // Test data is disposable: trade durability for speed, as CI has no use for it.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Flyway.configure()
                    .dataSource(server.getDatabase(USER, DATABASE))
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test PostgreSQL", e);
        }
    }
}
