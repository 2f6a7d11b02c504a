package io.herald.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PostgreSQL run from zonky's binaries in a child process of the test JVM (ADR 0001). */
final class EmbeddedPostgresServer implements PostgresServer {

    private final EmbeddedPostgres server;

    private EmbeddedPostgresServer(EmbeddedPostgres server) {
        this.server = server;
    }

    static PostgresServer start() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    // Test data is disposable: trade durability for speed, as CI has no use for it.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test PostgreSQL", e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return server.getJdbcUrl(USER, database);
    }

    @Override
    public DataSource dataSource(String database) {
        return server.getDatabase(USER, database);
    }
}
