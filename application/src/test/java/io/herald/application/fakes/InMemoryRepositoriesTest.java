package io.herald.application.fakes;

import io.herald.application.contract.AutomationRunRepositoryContract;
import io.herald.application.contract.GeneratedApiKeyStoreContract;
import io.herald.application.contract.InboundEventLogContract;
import io.herald.application.contract.ProfileRepositoryContract;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.GeneratedApiKeyStore;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.ProfileRepository;
import org.junit.jupiter.api.Nested;

/** The fakes other tests rely on keep the same contracts as the PostgreSQL adapters. */
class InMemoryRepositoriesTest {

    @Nested
    class Profiles extends ProfileRepositoryContract {
        @Override
        protected ProfileRepository emptyRepository() {
            return new InMemoryProfileRepository();
        }
    }

    @Nested
    class InboundEvents extends InboundEventLogContract {
        @Override
        protected InboundEventLog emptyLog() {
            return new InMemoryInboundEventLog();
        }
    }

    @Nested
    class AutomationRuns extends AutomationRunRepositoryContract {
        @Override
        protected AutomationRunRepository emptyRepository() {
            return new InMemoryAutomationRunRepository();
        }
    }

    @Nested
    class GeneratedApiKeys extends GeneratedApiKeyStoreContract {
        @Override
        protected GeneratedApiKeyStore emptyStore() {
            return new InMemoryGeneratedApiKeyStore();
        }
    }
}
