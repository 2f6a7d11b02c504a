package io.herald.persistence.auth;

import io.herald.application.contract.GeneratedApiKeyStoreContract;
import io.herald.application.port.out.GeneratedApiKeyStore;
import io.herald.persistence.support.PostgresTest;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(startApplication = false, transactional = false)
class JdbcGeneratedApiKeyStoreTest extends GeneratedApiKeyStoreContract implements PostgresTest {

    @Inject
    GeneratedApiKeyStore store;

    @Override
    protected GeneratedApiKeyStore emptyStore() {
        SharedPostgres.truncateAllTables();
        return store;
    }
}
