package io.herald.persistence.contract;

import io.herald.application.contract.AutomationRunRepositoryContract;
import io.herald.application.contract.GeneratedApiKeyStoreContract;
import io.herald.application.contract.InboundEventLogContract;
import io.herald.application.contract.ProfileRepositoryContract;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.GeneratedApiKeyStore;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.ProfileRepository;
import io.herald.persistence.support.PostgresTest;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;

import java.sql.Connection;
import java.util.function.Supplier;

/** The out-port contracts, against the PostgreSQL adapters on a real database. */
@MicronautTest(startApplication = false, transactional = false)
class PostgresRepositoriesTest implements PostgresTest {

    @Inject
    ProfileRepository profiles;

    @Inject
    InboundEventLog inboundEvents;

    @Inject
    AutomationRunRepository automationRuns;

    @Inject
    GeneratedApiKeyStore generatedApiKeys;

    @Inject
    TransactionOperations<Connection> transactions;

    private <T> T transactionally(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    @Nested
    class Profiles extends ProfileRepositoryContract {
        @Override
        protected ProfileRepository emptyRepository() {
            SharedPostgres.truncateAllTables();
            return profiles;
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactionally(work);
        }
    }

    @Nested
    class InboundEvents extends InboundEventLogContract {
        @Override
        protected InboundEventLog emptyLog() {
            SharedPostgres.truncateAllTables();
            return inboundEvents;
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactionally(work);
        }
    }

    @Nested
    class AutomationRuns extends AutomationRunRepositoryContract {
        @Override
        protected AutomationRunRepository emptyRepository() {
            SharedPostgres.truncateAllTables();
            return automationRuns;
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactionally(work);
        }
    }

    @Nested
    class GeneratedApiKeys extends GeneratedApiKeyStoreContract {
        @Override
        protected GeneratedApiKeyStore emptyStore() {
            SharedPostgres.truncateAllTables();
            return generatedApiKeys;
        }
    }
}
