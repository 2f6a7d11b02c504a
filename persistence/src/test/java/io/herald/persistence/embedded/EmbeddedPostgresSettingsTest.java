package io.herald.persistence.embedded;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code herald.embedded-postgres.data-dir} binds, and is {@code .herald/postgres} when unset. */
class EmbeddedPostgresSettingsTest {

    @Test
    void theDataDirectoryDefaultsToHeraldPostgres() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            assertThat(context.getBean(EmbeddedPostgresSettings.class).dataDir()).isEqualTo(".herald/postgres");
        }
    }

    @Test
    void theDataDirectoryIsConfigurable() {
        Map<String, Object> configuration = Map.of("herald.embedded-postgres.data-dir", "/var/lib/herald");

        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(configuration).start()) {
            assertThat(context.getBean(EmbeddedPostgresSettings.class).dataDir()).isEqualTo("/var/lib/herald");
        }
    }
}
