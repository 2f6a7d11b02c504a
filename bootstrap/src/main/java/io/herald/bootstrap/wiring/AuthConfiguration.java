package io.herald.bootstrap.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * {@code herald.auth.*}: the configured keys and the client-token secrets (see {@link AuthFactory}).
 *
 * @param apiKeys             admin keys
 * @param writeKeys           Segment write keys
 * @param tokenSecret         signs client tokens; when unset, one is generated and kept in the database
 * @param tokenSecretPrevious still verifies the tokens it signed, during a rotation
 */
@ConfigurationProperties("herald.auth")
record AuthConfiguration(
        @Nullable List<String> apiKeys,
        @Nullable List<String> writeKeys,
        @Nullable String tokenSecret,
        @Nullable String tokenSecretPrevious) {

    AuthConfiguration {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        writeKeys = writeKeys == null ? List.of() : List.copyOf(writeKeys);
    }
}
