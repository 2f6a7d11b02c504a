package io.herald.testsupport;

import javax.sql.DataSource;

/**
 * The PostgreSQL a test JVM shares, whichever way it was started: embedded (zonky, the default) or in a container
 * (Testcontainers, with {@code -Ptestcontainers}). Every database on it is reached as {@link #USER}, without a
 * password.
 */
interface PostgresServer {

    String USER = "postgres";

    /** Migrated with Flyway when the server starts. */
    String DATABASE = "postgres";

    String jdbcUrl(String database);

    DataSource dataSource(String database);
}
