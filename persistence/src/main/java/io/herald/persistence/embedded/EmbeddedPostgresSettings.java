package io.herald.persistence.embedded;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code herald.embedded-postgres.*}: the PostgreSQL Herald runs when no {@code datasources.default.url} is set.
 *
 * @param dataDir where its data is kept between runs
 */
@ConfigurationProperties("herald.embedded-postgres")
public record EmbeddedPostgresSettings(@Bindable(defaultValue = ".herald/postgres") String dataDir) {
}
