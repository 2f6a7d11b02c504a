package io.herald.bootstrap.wiring;

import io.herald.application.delivery.DeliveryPipeline;
import io.herald.application.engagement.EngagementService;
import io.herald.application.feedback.FeedbackRecorder;
import io.herald.application.inbox.InboxService;
import io.herald.application.port.in.ManageInboxUseCase;
import io.herald.application.port.in.RecordEngagementUseCase;
import io.herald.application.delivery.DeliveryPipelineService;
import io.herald.application.delivery.DeliveryService;
import io.herald.application.delivery.DeliverySettings;
import io.herald.application.delivery.InboxSender;
import io.herald.application.delivery.Providers;
import io.herald.application.inbound.EventTrigger;
import io.herald.application.list.ListService;
import io.herald.application.message.MessageService;
import io.herald.application.port.in.CancelMessageUseCase;
import io.herald.application.port.in.DeliverMessagesUseCase;
import io.herald.application.port.in.ManageListsUseCase;
import io.herald.application.port.in.ManagePreferencesUseCase;
import io.herald.application.port.in.ManageTemplatesUseCase;
import io.herald.application.port.in.QueryMessagesUseCase;
import io.herald.application.port.in.SendMessageUseCase;
import io.herald.application.port.out.ChannelSender;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.IdempotencyStore;
import io.herald.application.port.out.InboxRepository;
import io.herald.application.port.out.ListRepository;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.PreferenceRepository;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.PushTokenRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.preference.PreferenceService;
import io.herald.application.send.BatchSend;
import io.herald.application.send.CoalescingSend;
import io.herald.application.send.SendService;
import io.herald.application.send.TemplateEventTrigger;
import io.herald.application.template.TemplateRenderer;
import io.herald.application.template.TemplateService;
import io.herald.domain.routing.Channel;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sending: templates, preferences, lists, the send API, the delivery pipeline and the providers of each channel.
 */
@Factory
class SendFactory {

    @Singleton
    TemplateRenderer templateRenderer() {
        return new TemplateRenderer();
    }

    /** {@code herald.channels.<channel>.providers}: the console provider unless configured otherwise. */
    @Singleton
    Providers providers(Environment environment, List<ChannelSender> senders) {
        Map<Channel, List<String>> configured = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            List<String> names = environment.getProperty("herald.channels." + channel.wireName() + ".providers", String.class)
                    .map(value -> List.of(value.split(",")).stream().map(String::trim).filter(name -> !name.isEmpty()).toList())
                    .orElse(List.of("console"));
            configured.put(channel, names);
        }
        return new Providers(configured, senders);
    }

    @Singleton
    ChannelSender inboxSender(InboxRepository inbox, Clock clock) {
        return new InboxSender(inbox, clock);
    }

    @Singleton
    DeliverySettings deliverySettings(@Value("${herald.delivery.attempts-per-provider:3}") int attemptsPerProvider,
                                      @Value("${herald.delivery.first-retry-delay:2s}") Duration firstRetryDelay,
                                      @Value("${herald.delivery.in-flight-lease:2m}") Duration inFlightLease) {
        return new DeliverySettings(attemptsPerProvider, firstRetryDelay, inFlightLease);
    }

    @Singleton
    @Bean(typed = SendService.class)
    SendService sendService(MessageRepository messages, TemplateRepository templates, ListRepository lists,
                            IdempotencyStore idempotency, DurableScheduler scheduler, TemplateRenderer renderer, Clock clock) {
        return new SendService(messages, templates, lists, idempotency, scheduler, renderer, clock);
    }

    /** A send in its own transaction (used for sends with an Idempotency-Key). */
    @Singleton
    @Named("single")
    @Transactional
    SendMessageUseCase singleSend(SendService service) {
        return service;
    }

    @Singleton
    @Transactional
    BatchSend batchSend(SendService service) {
        return service;
    }

    /** The send API's use case: concurrent sends share transactions (group commit). */
    @Singleton
    @Primary
    @Bean(preDestroy = "close")
    CoalescingSend sendMessage(@Named("single") SendMessageUseCase single, BatchSend batch,
                               @Value("${herald.send.writers:2}") int writers,
                               @Value("${herald.send.max-recipients-per-transaction:1000}") int maxRecipients) {
        return new CoalescingSend(single, batch, writers, maxRecipients);
    }

    /** Runs inside the transaction that processes the inbound event. */
    @Singleton
    EventTrigger templateEventTrigger(TemplateRepository templates, SendService sends) {
        return new TemplateEventTrigger(templates, sends);
    }

    @Singleton
    @Transactional
    DeliveryPipeline deliveryPipeline(MessageRepository messages, ProfileRepository profiles, PushTokenRepository pushTokens,
                                      TemplateRepository templates, PreferenceRepository preferences, Providers providers,
                                      TemplateRenderer renderer, DeliverySettings settings, FeedbackRecorder feedback, Clock clock) {
        return new DeliveryPipelineService(messages, profiles, pushTokens, templates, preferences, providers, renderer, settings,
                feedback, clock);
    }

    /** Remote provider calls run here, outside any transaction, several at a time. */
    @Singleton
    @Named("provider-calls")
    @Bean(preDestroy = "shutdown")
    ExecutorService providerCalls(@Value("${herald.delivery.concurrent-provider-calls:16}") int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "herald-provider-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    DeliverMessagesUseCase deliverMessages(DeliveryPipeline pipeline, Providers providers,
                                           @Named("provider-calls") ExecutorService providerCalls, Clock clock) {
        return new DeliveryService(pipeline, providers, providerCalls, clock);
    }

    @Singleton
    @Bean(typed = MessageService.class)
    MessageService messageService(MessageRepository messages, Clock clock) {
        return new MessageService(messages, clock);
    }

    @Singleton
    @ReadOnly
    QueryMessagesUseCase queryMessages(MessageService service) {
        return service;
    }

    @Singleton
    @Transactional
    CancelMessageUseCase cancelMessage(MessageService service) {
        return service;
    }

    @Singleton
    @Transactional
    ManageTemplatesUseCase manageTemplates(TemplateRepository templates, TemplateRenderer renderer) {
        return new TemplateService(templates, renderer);
    }

    @Singleton
    @Transactional
    ManagePreferencesUseCase managePreferences(PreferenceRepository preferences) {
        return new PreferenceService(preferences);
    }

    @Singleton
    @Transactional
    ManageListsUseCase manageLists(ListRepository lists, Clock clock) {
        return new ListService(lists, clock);
    }

    /** Provider callbacks and inbox actions. */
    @Singleton
    @Transactional
    RecordEngagementUseCase recordEngagement(MessageRepository messages, FeedbackRecorder feedback) {
        return new EngagementService(messages, feedback);
    }

    @Singleton
    @Transactional
    ManageInboxUseCase manageInbox(InboxRepository inbox, RecordEngagementUseCase engagement, Clock clock) {
        return new InboxService(inbox, engagement, clock);
    }
}
