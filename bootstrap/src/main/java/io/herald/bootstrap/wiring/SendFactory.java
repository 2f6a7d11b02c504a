package io.herald.bootstrap.wiring;

import io.herald.application.delivery.DeliveryPipeline;
import io.herald.application.engagement.EngagementService;
import io.herald.application.feedback.FeedbackRecorder;
import io.herald.application.inbox.InboxService;
import io.herald.application.port.in.ManageInboxUseCase;
import io.herald.application.port.in.RecordEngagementUseCase;
import io.herald.application.delivery.DeliveryPipelineService;
import io.herald.application.delivery.DeliveryDriver;
import io.herald.application.delivery.DeliverySettings;
import io.herald.application.delivery.InboxSender;
import io.herald.application.delivery.ProviderCalls;
import io.herald.application.delivery.ProviderHealth;
import io.herald.application.delivery.Providers;
import io.herald.application.delivery.SendRate;
import io.herald.application.port.out.OperationalMetrics;
import io.herald.domain.delivery.Backoff;
import io.herald.application.inbound.EventTrigger;
import io.herald.application.list.ListService;
import io.herald.application.message.MessageService;
import io.herald.application.port.in.ArchiveRequestUseCase;
import io.herald.application.port.in.CancelMessageUseCase;
import io.herald.application.port.in.DeliverMessagesUseCase;
import io.herald.application.port.in.ExpandListSendUseCase;
import io.herald.application.port.in.ResendMessageUseCase;
import io.herald.application.port.in.ManageListsUseCase;
import io.herald.application.port.in.ManagePreferencesUseCase;
import io.herald.application.port.in.ManageWorkspacePreferencesUseCase;
import io.herald.application.port.in.RecipientLinks;
import io.herald.application.port.in.ManageBulkJobsUseCase;
import io.herald.application.port.in.ManageNotificationsUseCase;
import io.herald.application.port.in.RunBulkJobUseCase;
import io.herald.application.port.in.ManageTemplatesUseCase;
import io.herald.application.port.in.QueryMessagesUseCase;
import io.herald.application.port.in.ReportNotificationMetricsUseCase;
import io.herald.application.port.out.ChannelSender;
import io.herald.application.port.out.BrandRepository;
import io.herald.application.port.out.BulkJobRepository;
import io.herald.application.port.out.NotificationChecks;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DeliveryLooks;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.IdempotencyStore;
import io.herald.application.port.out.InboxRepository;
import io.herald.application.port.out.ListRepository;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.PreferenceRepository;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.PushTokenRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.TenantRepository;
import io.herald.application.port.out.ThrottleCounter;
import io.herald.application.port.out.TranslationRepository;
import io.herald.application.port.out.WorkspacePreferenceRepository;
import io.herald.application.port.out.Transactions;
import io.herald.application.port.out.WebhookReceipts;
import io.herald.application.preference.PreferenceService;
import io.herald.application.preference.WorkspacePreferenceService;
import io.herald.application.send.CoalescingSend;
import io.herald.application.send.SendService;
import io.herald.application.send.TemplateEventTrigger;
import io.herald.application.template.TemplateRenderer;
import io.herald.application.bulk.BulkJobService;
import io.herald.application.notification.NotificationMetrics;
import io.herald.application.notification.NotificationService;
import io.herald.application.template.TemplateService;
import io.herald.domain.routing.Channel;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.env.Environment;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sending: templates, preferences, lists, the send API, the delivery pipeline and the providers of each channel.
 */
@Factory
class SendFactory {

    @Singleton
    TemplateRenderer templateRenderer(LimitsConfiguration limits) {
        return new TemplateRenderer(limits.renderBytes(), limits.templateDepth());
    }

    /** {@code herald.channels.<channel>.providers}: the inbox provider for the inbox, the console for the rest. */
    @Singleton
    Providers providers(Environment environment, List<ChannelSender> senders) {
        Map<Channel, List<String>> configured = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            configured.put(channel, ChannelProviders.of(environment, channel));
        }
        return new Providers(configured, senders);
    }

    @Singleton
    ChannelSender inboxSender(InboxRepository inbox, Clock clock) {
        return new InboxSender(inbox, clock);
    }

    @Singleton
    DeliverySettings deliverySettings(DeliveryConfiguration delivery) {
        return new DeliverySettings(delivery.attemptsPerProvider(), new Backoff(delivery.firstRetryDelay(), delivery.maxRetryDelay()),
                delivery.inFlightLease(), delivery.giveUpAfter(), delivery.circuit().failures(), delivery.circuit().probeAfter());
    }

    @Singleton
    ProviderHealth providerHealth(DeliverySettings settings) {
        return new ProviderHealth(settings.circuitFailures(), settings.circuitProbeAfter());
    }

    /**
     * Each remote provider's bulkhead: {@code herald.providers.<name>.concurrency} calls at once (default
     * {@code herald.delivery.concurrent-provider-calls}), {@code herald.delivery.provider-queue} waiting, and an
     * optional send rate, {@code herald.providers.<name>.rate} (e.g. {@code 1/s}).
     */
    @Singleton
    @Bean(preDestroy = "close")
    ProviderCalls providerCalls(Providers providers, ProviderHealth health, OperationalMetrics metrics, DurableScheduler scheduler,
                                Clock clock, Environment environment, DeliveryConfiguration delivery) {
        return new ProviderCalls(providers, health, metrics, scheduler, clock,
                name -> environment.getProperty("herald.providers." + name + ".concurrency", Integer.class)
                        .orElse(delivery.concurrentProviderCalls()),
                delivery.providerQueue(),
                name -> environment.getProperty("herald.providers." + name + ".rate", String.class).flatMap(SendRate::parse));
    }

    /**
     * One bean: its entry points (a send, a batch of sends, a page of a list send) open their own transactions
     * through the {@link Transactions} port; {@link SendService#enqueue} joins the caller's.
     */
    @Singleton
    @Bean(typed = {SendService.class, ExpandListSendUseCase.class, ResendMessageUseCase.class})
    SendService sendService(MessageRepository messages, TemplateRepository templates, BrandRepository brands, ListRepository lists,
                            IdempotencyStore idempotency, DurableScheduler scheduler, TemplateRenderer renderer,
                            SendConfiguration send, Transactions transactions, Clock clock) {
        return new SendService(messages, templates, brands, lists, idempotency, scheduler, renderer, send.listPageSize(),
                send.maxRecipients(), transactions, clock);
    }

    @Singleton
    @Bean(typed = {ManageBulkJobsUseCase.class, RunBulkJobUseCase.class})
    BulkJobService bulkJobs(BulkJobRepository jobs, SendService sends, DurableScheduler scheduler, Transactions transactions,
                            SendConfiguration send, Clock clock) {
        return new BulkJobService(jobs, sends, scheduler, transactions, send.listPageSize(), clock);
    }

    /** The send API's use case: concurrent sends share transactions (group commit). */
    @Singleton
    @Primary
    @Bean(preDestroy = "close")
    CoalescingSend sendMessage(SendService sends, SendConfiguration send) {
        return new CoalescingSend(sends, sends, send.writers(), send.maxRecipientsPerTransaction());
    }

    /** Runs inside the transaction that processes the inbound event. */
    @Singleton
    EventTrigger templateEventTrigger(TemplateRepository templates, SendService sends) {
        return new TemplateEventTrigger(templates, sends);
    }

    @Singleton
    @Transactional
    DeliveryPipeline deliveryPipeline(MessageRepository messages, ProfileRepository profiles, PushTokenRepository pushTokens,
                                      TemplateRepository templates, TenantRepository tenants, BrandRepository brands,
                                      TranslationRepository translations, PreferenceRepository preferences, WorkspacePreferenceRepository topics,
                                      RecipientLinks links, ThrottleCounter throttles, Providers providers,
                                      TemplateRenderer renderer, DeliverySettings settings, FeedbackRecorder feedback,
                                      ProviderHealth health, ProviderCalls calls, OperationalMetrics metrics,
                                      DurableScheduler scheduler, Clock clock) {
        return new DeliveryPipelineService(messages, profiles, pushTokens, templates, tenants, brands, translations, preferences, topics, links,
                throttles, providers, renderer,
                settings,
                feedback, health, calls, metrics, scheduler, clock);
    }

    /** Provider outcomes are recorded here, off the providers' own threads. */
    @Singleton
    @Named("delivery-recording")
    @Bean(preDestroy = "shutdown")
    ExecutorService deliveryRecording() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "herald-delivery-recording");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    DeliverMessagesUseCase deliverMessages(DeliveryPipeline pipeline, ProviderCalls calls,
                                           @Named("delivery-recording") ExecutorService recording, DeliveryLooks looks,
                                           Transactions transactions, Clock clock) {
        return new DeliveryDriver(pipeline, calls, recording, looks, transactions, clock);
    }

    /** One bean for reading messages and canceling them; a cancel locks the message in its own transaction. */
    @Singleton
    @Bean(typed = {QueryMessagesUseCase.class, CancelMessageUseCase.class, ArchiveRequestUseCase.class})
    MessageService messageService(MessageRepository messages, Transactions transactions, Clock clock) {
        return new MessageService(messages, transactions, clock);
    }

    @Singleton
    @Transactional
    ManageNotificationsUseCase manageNotifications(TemplateRepository templates, BrandRepository brands, NotificationChecks checks,
                                                   TemplateRenderer renderer, Clock clock) {
        return new NotificationService(templates, brands, checks, renderer, clock);
    }

    @Singleton
    @Transactional
    ReportNotificationMetricsUseCase notificationMetrics(TemplateRepository templates, MessageRepository messages, Clock clock) {
        return new NotificationMetrics(templates, messages, clock);
    }

    @Singleton
    @Transactional
    ManageTemplatesUseCase manageTemplates(TemplateRepository templates, BrandRepository brands, TemplateRenderer renderer, Clock clock) {
        return new TemplateService(templates, brands, renderer, clock);
    }

    @Singleton
    @Transactional
    ManagePreferencesUseCase managePreferences(PreferenceRepository preferences, TenantRepository tenants, WorkspacePreferenceRepository topics) {
        return new PreferenceService(preferences, tenants, topics);
    }

    @Singleton
    @Transactional
    ManageWorkspacePreferencesUseCase manageWorkspacePreferences(WorkspacePreferenceRepository topics, Clock clock) {
        return new WorkspacePreferenceService(topics, clock);
    }

    @Singleton
    @Transactional
    ManageListsUseCase manageLists(ListRepository lists, Clock clock) {
        return new ListService(lists, clock);
    }

    /** Provider callbacks and inbox actions. */
    @Singleton
    @Transactional
    RecordEngagementUseCase recordEngagement(MessageRepository messages, FeedbackRecorder feedback, WebhookReceipts receipts,
                                             InboxRepository inbox, Clock clock) {
        return new EngagementService(messages, feedback, receipts, inbox, clock);
    }

    @Singleton
    @Transactional
    ManageInboxUseCase manageInbox(InboxRepository inbox, RecordEngagementUseCase engagement, Clock clock) {
        return new InboxService(inbox, engagement, clock);
    }
}
