package io.herald.persistence.contract;

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
import io.herald.application.port.out.IdentityMerger;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.InboxRepository;
import io.herald.application.port.out.ListRepository;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.PersonalDataEraser;
import io.herald.application.port.out.PreferenceRepository;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.PushTokenRepository;
import io.herald.application.port.out.RetentionStore;
import io.herald.application.port.out.AuditLog;
import io.herald.application.port.out.BrandRepository;
import io.herald.application.port.out.ThrottleCounter;
import io.herald.application.port.out.WorkspacePreferenceRepository;
import io.herald.application.port.out.NotificationChecks;
import io.herald.application.port.out.BulkJobRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.TenantRepository;
import io.herald.application.port.out.TokenSecretStore;
import io.herald.application.port.out.WebhookReceipts;
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
    AutomationRepository automations;

    @Inject
    TemplateRepository templates;

    @Inject
    FeedbackOutbox feedback;

    @Inject
    IdempotencyStore idempotencyKeys;

    @Inject
    TokenSecretStore tokenSecrets;

    @Inject
    WebhookReceipts webhookReceipts;

    @Inject
    PreferenceRepository preferences;

    @Inject
    PushTokenRepository pushTokens;

    @Inject
    ListRepository lists;

    @Inject
    TenantRepository tenants;

    @Inject
    BrandRepository brands;

    @Inject
    WorkspacePreferenceRepository workspacePreferences;

    @Inject
    ThrottleCounter throttles;

    @Inject
    AuditLog auditLog;

    @Inject
    BulkJobRepository bulkJobs;

    @Inject
    NotificationChecks notificationChecks;

    @Inject
    InboxRepository inbox;

    @Inject
    MessageRepository messages;

    @Inject
    FunnelRollups funnelRollups;

    @Inject
    IdentityMerger identityMerger;

    @Inject
    PersonalDataEraser eraser;

    @Inject
    RetentionStore retention;

    @Inject
    TransactionOperations<Connection> transactions;

    private <T> T transactionally(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    /** The ports over one database, emptied first. */
    private Stores emptyDatabase() {
        SharedPostgres.truncateAllTables();
        return new Stores(profiles, pushTokens, preferences, lists, tenants, inbox, messages, inboundEvents, automationRuns,
                webhookReceipts, feedback, identityMerger, eraser, retention);
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

    @Nested
    class Automations extends AutomationRepositoryContract {
        @Override
        protected AutomationRepository emptyRepository() {
            SharedPostgres.truncateAllTables();
            return automations;
        }
    }

    @Nested
    class AuditLogs extends AuditLogContract {
        @Override
        protected AuditLog emptyLog() {
            SharedPostgres.truncateAllTables();
            return auditLog;
        }
    }

    @Nested
    class BulkJobs extends BulkJobRepositoryContract {
        @Override
        protected BulkJobRepository emptyRepository() {
            SharedPostgres.truncateAllTables();
            return bulkJobs;
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactionally(work);
        }
    }

    @Nested
    class Checks extends NotificationChecksContract {
        @Override
        protected NotificationChecks emptyChecks() {
            SharedPostgres.truncateAllTables();
            return notificationChecks;
        }
    }

    @Nested
    class WorkspacePreferences extends WorkspacePreferenceRepositoryContract {
        @Override
        protected WorkspacePreferenceRepository emptyRepository() {
            SharedPostgres.truncateAllTables();
            return workspacePreferences;
        }
    }

    @Nested
    class Throttles extends ThrottleCounterContract {
        @Override
        protected ThrottleCounter emptyCounter() {
            SharedPostgres.truncateAllTables();
            return throttles;
        }
    }

    @Nested
    class Brands extends BrandRepositoryContract {
        @Override
        protected BrandRepository emptyRepository() {
            SharedPostgres.truncateAllTables();
            return brands;
        }
    }

    @Nested
    class Templates extends TemplateRepositoryContract {
        @Override
        protected TemplateRepository emptyRepository() {
            SharedPostgres.truncateAllTables();
            return templates;
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactionally(work);
        }
    }

    @Nested
    class Feedback extends FeedbackOutboxContract {
        @Override
        protected FeedbackOutbox emptyOutbox() {
            SharedPostgres.truncateAllTables();
            return feedback;
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyStoreContract {
        @Override
        protected IdempotencyStore emptyStore() {
            SharedPostgres.truncateAllTables();
            return idempotencyKeys;
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactionally(work);
        }
    }

    @Nested
    class TokenSecrets extends TokenSecretStoreContract {
        @Override
        protected TokenSecretStore emptyStore() {
            SharedPostgres.truncateAllTables();
            return tokenSecrets;
        }
    }

    @Nested
    class Receipts extends WebhookReceiptsContract {
        @Override
        protected WebhookReceipts emptyReceipts() {
            SharedPostgres.truncateAllTables();
            return webhookReceipts;
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactionally(work);
        }
    }

    @Nested
    class Preferences extends PreferenceRepositoryContract {
        @Override
        protected PreferenceRepository emptyRepository() {
            SharedPostgres.truncateAllTables();
            return preferences;
        }
    }

    @Nested
    class PushTokens extends PushTokenRepositoryContract {
        @Override
        protected PushTokenRepository emptyRepository() {
            SharedPostgres.truncateAllTables();
            return pushTokens;
        }
    }

    @Nested
    class Lists extends ListRepositoryContract {
        @Override
        protected ListRepository emptyRepository() {
            SharedPostgres.truncateAllTables();
            return lists;
        }
    }

    @Nested
    class Messages extends MessageRepositoryContract {
        @Override
        protected MessageRepository emptyRepository() {
            SharedPostgres.truncateAllTables();
            return messages;
        }

        @Override
        protected FunnelRollups rollupsOf(MessageRepository messages) {
            return funnelRollups;
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactionally(work);
        }
    }

    @Nested
    class Tenants extends TenantRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptyDatabase();
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactionally(work);
        }
    }

    @Nested
    class Inbox extends InboxRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptyDatabase();
        }
    }

    @Nested
    class IdentityMerges extends IdentityMergerContract {
        @Override
        protected Stores emptyStores() {
            return emptyDatabase();
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactionally(work);
        }
    }

    @Nested
    class Erasure extends PersonalDataEraserContract {
        @Override
        protected Stores emptyStores() {
            return emptyDatabase();
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactionally(work);
        }
    }

    @Nested
    class Retention extends RetentionStoreContract {
        @Override
        protected Stores emptyStores() {
            return emptyDatabase();
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactionally(work);
        }
    }
}
