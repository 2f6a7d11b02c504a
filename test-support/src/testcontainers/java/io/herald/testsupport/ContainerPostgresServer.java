package io.herald.testsupport;

import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * PostgreSQL in a Docker container started by Testcontainers (ADR 0009). Compiled only in the {@code testcontainers}
 * Maven profile; {@link SharedPostgres} finds it by name. Configured as the embedded server is: same major version,
 * same user and database, no password (trust), the same connection limit and durability settings.
 */
final class ContainerPostgresServer implements PostgresServer {

    /** The major version of the embedded binaries (zonky 17.6.0); {@code -Dherald.test.postgres.image} overrides it. */
    private static final String IMAGE = System.getProperty("herald.test.postgres.image", "postgres:17.6-alpine");

    private final PostgreSQLContainer<?> container;

    private ContainerPostgresServer(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    /** Empty when there is a Docker engine to start the container on; otherwise why there is none. */
    static Optional<String> whyUnavailable() {
        return DockerClientFactory.instance().isDockerAvailable()
                ? Optional.empty()
                : Optional.of("Testcontainers found no Docker engine");
    }

    /** Left running: Testcontainers' reaper removes the container when the test JVM exits. */
    static PostgresServer start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(
                DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"))
                .withUsername(USER)
                .withDatabaseName(DATABASE)
                .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                .withCommand("postgres",
                        "-c", "max_connections=300",
                        // Test data is disposable: trade durability for speed, as CI has no use for it.
                        "-c", "fsync=off",
                        "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off");
        container.start();
        return new ContainerPostgresServer(container);
    }

    @Override
    public String jdbcUrl(String database) {
        // The embedded server's form, user included, which tests rewrite for another database.
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
                + "/" + database + "?user=" + USER;
    }

    @Override
    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        return dataSource;
    }
}
