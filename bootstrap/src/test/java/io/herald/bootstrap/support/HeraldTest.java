package io.herald.bootstrap.support;

import io.herald.testsupport.SharedPostgres;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * A Herald application context on the JVM's shared PostgreSQL, with a known API key.
 * Test classes may add properties by overriding {@link #extraProperties()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface HeraldTest extends TestPropertyProvider {

    String API_KEY = "test-api-key";

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SharedPostgres.micronautProperties());
        properties.put("herald.auth.api-keys", API_KEY);
        properties.putAll(extraProperties());
        return properties;
    }

    default Map<String, String> extraProperties() {
        return Map.of();
    }
}
