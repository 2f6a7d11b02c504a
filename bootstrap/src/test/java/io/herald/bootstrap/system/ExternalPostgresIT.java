package io.herald.bootstrap.system;

import io.herald.bootstrap.support.Http;
import io.herald.testsupport.SharedPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code DATASOURCES_DEFAULT_URL} set, Herald uses that PostgreSQL (here a second server, started
 * by this test JVM, with a database and role of its own) and starts no embedded one.
 */
class ExternalPostgresIT {

    @Test
    void honoursDatasourcesDefaultUrl() throws Exception {
        try (Connection admin = SharedPostgres.dataSource().getConnection(); var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS herald_external");
            statement.execute("DROP ROLE IF EXISTS herald_owner");
            statement.execute("CREATE ROLE herald_owner LOGIN PASSWORD 'ext-db-secret'");
            statement.execute("CREATE DATABASE herald_external OWNER herald_owner");
        }
        String url = SharedPostgres.jdbcUrl().replaceFirst("/postgres\\?.*$", "/herald_external");
        Path workingDirectory = Files.createTempDirectory("herald-external-it");

        try (var herald = new HeraldProcess(workingDirectory, Map.of(
                "DATASOURCES_DEFAULT_URL", url,
                "DATASOURCES_DEFAULT_USERNAME", "herald_owner",
                "DATASOURCES_DEFAULT_PASSWORD", "ext-db-secret",
                "HERALD_AUTH_API_KEYS", "external-key")).start()) {

            assertThat(Http.to(herald.uri()).withApiKey("external-key").get("/prometheus").status()).isEqualTo(200);
            assertThat(workingDirectory.resolve(".herald")).as("no embedded PostgreSQL").doesNotExist();
            assertThat(herald.output()).doesNotContain("ext-db-secret").doesNotContain("external-key");

            try (Connection connection = DriverManager.getConnection(url, "herald_owner", "ext-db-secret");
                 var rows = connection.createStatement().executeQuery(
                         "SELECT tableowner FROM pg_tables WHERE tablename = 'flyway_schema_history'")) {
                assertThat(rows.next()).as("Flyway migrated the external database").isTrue();
                assertThat(rows.getString(1)).isEqualTo("herald_owner");
            }
        }
        HeraldProcess.deleteDirectory(workingDirectory);
    }
}
