package io.herald.application.fakes;

import io.herald.application.contract.AutomationRepositoryContract;
import io.herald.application.contract.AutomationRunRepositoryContract;
import io.herald.application.contract.FeedbackOutboxContract;
import io.herald.application.contract.GeneratedApiKeyStoreContract;
import io.herald.application.contract.IdempotencyStoreContract;
import io.herald.application.contract.IdentityMergerContract;
import io.herald.application.contract.InboundEventLogContract;
import io.herald.application.contract.InboxRepositoryContract;
import io.herald.application.contract.ListRepositoryContract;
import io.herald.application.contract.MessageRepositoryContract;
import io.herald.application.contract.PersonalDataEraserContract;
import io.herald.application.contract.PreferenceRepositoryContract;
import io.herald.application.contract.ProfileRepositoryContract;
import io.herald.application.contract.PushTokenRepositoryContract;
import io.herald.application.contract.RetentionStoreContract;
import io.herald.application.contract.Stores;
import io.herald.application.contract.AuditLogContract;
import io.herald.application.contract.BrandRepositoryContract;
import io.herald.application.contract.ThrottleCounterContract;
import io.herald.application.contract.WorkspacePreferenceRepositoryContract;
import io.herald.application.contract.NotificationChecksContract;
import io.herald.application.contract.BulkJobRepositoryContract;
import io.herald.application.contract.TemplateRepositoryContract;
import io.herald.application.contract.TenantRepositoryContract;
import io.herald.application.contract.TokenSecretStoreContract;
import io.herald.application.contract.WebhookReceiptsContract;
import io.herald.application.port.out.AutomationRepository;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.FeedbackOutbox;
import io.herald.application.port.out.FunnelRollups;
import io.herald.application.port.out.GeneratedApiKeyStore;
import io.herald.application.port.out.IdempotencyStore;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.ListRepository;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.PreferenceRepository;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.PushTokenRepository;
import io.herald.application.port.out.AuditLog;
import io.herald.application.port.out.BrandRepository;
import io.herald.application.port.out.ThrottleCounter;
import io.herald.application.port.out.WorkspacePreferenceRepository;
import io.herald.application.port.out.NotificationChecks;
import io.herald.application.port.out.BulkJobRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.TokenSecretStore;
import io.herald.application.port.out.WebhookReceipts;
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

    @Nested
    class Automations extends AutomationRepositoryContract {
        @Override
        protected AutomationRepository emptyRepository() {
            return new InMemoryAutomationRepository();
        }
    }

    @Nested
    class AuditLogs extends AuditLogContract {
        @Override
        protected AuditLog emptyLog() {
            return new InMemoryAuditLog();
        }
    }

    @Nested
    class BulkJobs extends BulkJobRepositoryContract {
        @Override
        protected BulkJobRepository emptyRepository() {
            return new InMemoryBulkJobRepository();
        }
    }

    @Nested
    class Checks extends NotificationChecksContract {
        @Override
        protected NotificationChecks emptyChecks() {
            return new InMemoryNotificationChecks();
        }
    }

    @Nested
    class WorkspacePreferences extends WorkspacePreferenceRepositoryContract {
        @Override
        protected WorkspacePreferenceRepository emptyRepository() {
            return new InMemoryWorkspacePreferenceRepository();
        }
    }

    @Nested
    class Throttles extends ThrottleCounterContract {
        @Override
        protected ThrottleCounter emptyCounter() {
            return new InMemoryThrottleCounter();
        }
    }

    @Nested
    class Brands extends BrandRepositoryContract {
        @Override
        protected BrandRepository emptyRepository() {
            return new InMemoryBrandRepository();
        }
    }

    @Nested
    class Templates extends TemplateRepositoryContract {
        @Override
        protected TemplateRepository emptyRepository() {
            return new InMemoryTemplateRepository();
        }
    }

    @Nested
    class Feedback extends FeedbackOutboxContract {
        @Override
        protected FeedbackOutbox emptyOutbox() {
            return new InMemoryFeedbackOutbox();
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyStoreContract {
        @Override
        protected IdempotencyStore emptyStore() {
            return new InMemoryIdempotencyStore();
        }
    }

    @Nested
    class TokenSecrets extends TokenSecretStoreContract {
        @Override
        protected TokenSecretStore emptyStore() {
            return new InMemoryTokenSecretStore();
        }
    }

    @Nested
    class Receipts extends WebhookReceiptsContract {
        @Override
        protected WebhookReceipts emptyReceipts() {
            return new InMemoryWebhookReceipts();
        }
    }

    @Nested
    class Preferences extends PreferenceRepositoryContract {
        @Override
        protected PreferenceRepository emptyRepository() {
            return new InMemoryPreferenceRepository();
        }
    }

    @Nested
    class PushTokens extends PushTokenRepositoryContract {
        @Override
        protected PushTokenRepository emptyRepository() {
            return new InMemoryPushTokenRepository();
        }
    }

    @Nested
    class Lists extends ListRepositoryContract {
        @Override
        protected ListRepository emptyRepository() {
            return new InMemoryListRepository();
        }
    }

    @Nested
    class Messages extends MessageRepositoryContract {
        @Override
        protected MessageRepository emptyRepository() {
            return new InMemoryMessageRepository();
        }

        @Override
        protected FunnelRollups rollupsOf(MessageRepository messages) {
            return ((InMemoryMessageRepository) messages).rollups();
        }
    }

    @Nested
    class Tenants extends TenantRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return InMemoryStores.empty().ports();
        }
    }

    @Nested
    class Inbox extends InboxRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return InMemoryStores.empty().ports();
        }
    }

    @Nested
    class IdentityMerges extends IdentityMergerContract {
        @Override
        protected Stores emptyStores() {
            return InMemoryStores.empty().ports();
        }
    }

    @Nested
    class Erasure extends PersonalDataEraserContract {
        @Override
        protected Stores emptyStores() {
            return InMemoryStores.empty().ports();
        }
    }

    @Nested
    class Retention extends RetentionStoreContract {
        @Override
        protected Stores emptyStores() {
            return InMemoryStores.empty().ports();
        }
    }
}
