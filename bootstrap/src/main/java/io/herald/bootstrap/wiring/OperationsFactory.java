package io.herald.bootstrap.wiring;

import io.herald.application.delivery.ProviderHealth;
import io.herald.application.delivery.Providers;
import io.herald.application.operations.HealthService;
import io.herald.application.operations.RedriveService;
import io.herald.application.operations.RetentionService;
import io.herald.application.port.in.ApplyRetentionUseCase;
import io.herald.application.port.in.QueryHealthUseCase;
import io.herald.application.port.in.RedriveUseCase;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.EngagementFeedback;
import io.herald.application.port.out.FeedbackOutbox;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.OperationalStatus;
import io.herald.application.port.out.RetentionStore;
import io.herald.application.port.out.Transactions;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/** Operating Herald: health and re-drive. */
@Factory
class OperationsFactory {

    @Singleton
    QueryHealthUseCase health(OperationalStatus status, FeedbackOutbox feedback, Optional<EngagementFeedback> segment,
                              @Value("${herald.scheduler.enabled:true}") boolean schedulerEnabled, Providers providers,
                              ProviderHealth providerHealth, Clock clock) {
        return new HealthService(status, feedback, segment.isPresent(), schedulerEnabled, providers, providerHealth, clock);
    }

    /** {@code herald.retention.*}; not transactional as a whole: it commits a batch at a time. */
    @Singleton
    ApplyRetentionUseCase retention(RetentionStore store, Transactions transactions, Clock clock,
                                    @Value("${herald.retention.messages:90d}") Duration messages,
                                    @Value("${herald.retention.inbound-events:30d}") Duration inboundEvents,
                                    @Value("${herald.retention.automation-runs:90d}") Duration automationRuns,
                                    @Value("${herald.retention.batch-size:1000}") int batch) {
        return new RetentionService(store, transactions, new RetentionService.Retention(messages, inboundEvents, automationRuns),
                batch, clock);
    }

    /** Not transactional as a whole: it commits a page at a time. */
    @Singleton
    RedriveUseCase redrive(MessageRepository messages, InboundEventLog inbound, AutomationRunRepository runs,
                           DurableScheduler scheduler, Transactions transactions, Clock clock) {
        return new RedriveService(messages, inbound, runs, scheduler, transactions, clock);
    }
}
