package io.herald.testsupport;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One real PostgreSQL per test JVM, started on first use with Herald's Flyway migrations applied
 * (those on the test classpath), and stopped when the JVM exits. Test classes share it; each resets
 * the state it depends on with {@link #truncateAllTables()}.
 *
 * <p>It is zonky's embedded PostgreSQL unless the system property {@value #BACKEND_PROPERTY} is
 * {@code testcontainers} (the Maven profile of that name sets it): then it runs in a Docker container, and
 * where there is no Docker engine every test that uses it is skipped, as a JUnit assumption, saying why.
 */
public final class SharedPostgres {

    public static final String BACKEND_PROPERTY = "herald.test.postgres";

    private static final String USER = PostgresServer.USER;
    private static final String DATABASE = PostgresServer.DATABASE;
    private static final String CONTAINER_SERVER = "io.herald.testsupport.ContainerPostgresServer";

    private SharedPostgres() {
    }

    /** Why the configured server cannot start here, decided (and said) once per JVM; empty when it can. */
    private static final class Availability {
        static final Optional<String> WHY_NOT = whyUnavailable();

        static {
            WHY_NOT.ifPresent(SharedPostgres::tellTheBuildLog);
        }
    }

    private static final class Holder {
        static final PostgresServer SERVER = startAndMigrate();
    }

    private static PostgresServer server() {
        Availability.WHY_NOT.ifPresent(reason -> Assumptions.abort(reason));
        return Holder.SERVER;
    }

    public static String jdbcUrl() {
        return server().jdbcUrl(DATABASE);
    }

    public static String username() {
        return USER;
    }

    public static DataSource dataSource() {
        return server().dataSource(DATABASE);
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
        return server().dataSource(name);
    }

    public static String jdbcUrl(String database) {
        return server().jdbcUrl(database);
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

    private static boolean inContainer() {
        String backend = System.getProperty(BACKEND_PROPERTY, "embedded");
        return switch (backend) {
            case "embedded" -> false;
            case "testcontainers" -> true;
            default -> throw new IllegalStateException(BACKEND_PROPERTY + " is '" + backend
                    + "'; it is 'embedded' (the default) or 'testcontainers'");
        };
    }

    private static Optional<String> whyUnavailable() {
        if (!inContainer()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked") // ContainerPostgresServer.whyUnavailable() returns Optional<String>.
        Optional<String> noDocker = (Optional<String>) callContainerServer("whyUnavailable");
        return noDocker.map(reason -> reason + ": the PostgreSQL tests of the testcontainers profile are skipped"
                + " (run without -Ptestcontainers to use the embedded PostgreSQL)");
    }

    /**
     * Surefire writes what tests print to report files, and reports a test class skipped before its first test as
     * running none: the JVM's own standard error, which reaches the build log, carries the one line that says why.
     */
    private static void tellTheBuildLog(String line) {
        PrintStream buildLog = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        buildLog.println("[WARNING] " + line);
    }

    private static PostgresServer startAndMigrate() {
        PostgresServer server = inContainer() ? (PostgresServer) callContainerServer("start") : EmbeddedPostgresServer.start();
        Flyway.configure()
                .dataSource(server.dataSource(DATABASE))
                .locations("classpath:db/migration")
                .failOnMissingLocations(false)
                .load()
                .migrate();
        return server;
    }

    /**
     * The container server is compiled only in the testcontainers profile, with Testcontainers on the classpath, so
     * the default build neither compiles against nor loads Testcontainers: it is reached by name.
     */
    private static Object callContainerServer(String method) {
        Method target;
        try {
            target = Class.forName(CONTAINER_SERVER).getDeclaredMethod(method);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException(BACKEND_PROPERTY + "=testcontainers, but test-support was built without the"
                    + " testcontainers profile: build it in the same reactor (-Ptestcontainers -am)", e);
        }
        try {
            target.setAccessible(true);
            return target.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("Could not start the test PostgreSQL in a container", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Could not reach " + CONTAINER_SERVER, e);
        }
    }
}
