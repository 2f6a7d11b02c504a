package io.herald.persistence.support;

import io.herald.testsupport.SharedPostgres;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** Points the test's application context at the JVM's shared PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface PostgresTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        return SharedPostgres.micronautProperties();
    }
}
