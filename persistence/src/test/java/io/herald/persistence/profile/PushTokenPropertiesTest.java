package io.herald.persistence.profile;

import io.herald.application.port.out.PushTokenRepository;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import io.herald.persistence.support.PostgresTest;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's {@code properties} may be any JSON value. A string is stored as a JSON string, even one that reads as
 * JSON: micronaut-data would pass a {@code String} bound to a JSON parameter through as JSON text (ADR 0008).
 */
@MicronautTest(startApplication = false, transactional = false)
class PushTokenPropertiesTest implements PostgresTest {

    private static final UserId ALEX = UserId.of("alex");

    @Inject
    PushTokenRepository tokens;

    @ParameterizedTest
    @ValueSource(strings = {"beta tester", "{\"cohort\": 3}", "[1, 2]", "42", "null", ""})
    void aStringIsKeptAsTheStringItIs(String properties) {
        SharedPostgres.truncateAllTables();
        PushToken token = new PushToken(ALEX, "fcm-1", "firebase-fcm", null, null, properties, null, null, null);

        tokens.put(token);

        assertThat(tokens.find(ALEX, "fcm-1")).contains(token);
        assertThat(tokens.find(ALEX, "fcm-1").orElseThrow().properties()).isEqualTo(properties);
    }
}
