package io.herald.bootstrap.wiring;

import io.herald.application.delivery.ProviderHealth;
import io.herald.application.delivery.Providers;
import io.herald.application.message.FunnelCounting;
import io.herald.application.operations.HealthService;
import io.herald.application.operations.RedriveService;
import io.herald.application.operations.RetentionService;
import io.herald.application.port.in.ApplyRetentionUseCase;
import io.herald.application.port.in.CountFunnelUseCase;
import io.herald.application.port.in.QueryHealthUseCase;
import io.herald.application.port.in.RedriveUseCase;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.AuditLog;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.EngagementFeedback;
import io.herald.application.port.out.FeedbackOutbox;
import io.herald.application.port.out.FunnelRollups;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.OperationalStatus;
import io.herald.application.port.out.RetentionStore;
import io.herald.application.port.out.ThrottleCounter;
import io.herald.application.port.out.Transactions;
import io.herald.persistence.durable.SchedulerSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Operating Herald: health, re-drive, retention and the funnel's counted days. */
@Factory
class OperationsFactory {

    @Singleton
    QueryHealthUseCase health(OperationalStatus status, FeedbackOutbox feedback, Optional<EngagementFeedback> segment,
                              SchedulerSettings scheduler, Providers providers, ProviderHealth providerHealth, Clock clock) {
        return new HealthService(status, feedback, segment.isPresent(), scheduler.enabled(), providers, providerHealth, clock);
    }

    /** Not transactional as a whole: it commits a batch at a time. */
    @Singleton
    ApplyRetentionUseCase retention(RetentionStore store, AuditLog audit, ThrottleCounter throttles, Transactions transactions, Clock clock,
                                    RetentionConfiguration retention) {
        return new RetentionService(store, audit, throttles, transactions,
                new RetentionService.Retention(retention.messages(), retention.inboundEvents(), retention.automationRuns(),
                        retention.auditEvents()),
                retention.batchSize(), clock);
    }

    /** Not transactional as a whole: it commits a day at a time. */
    @Singleton
    CountFunnelUseCase funnelCounting(FunnelRollups rollups, Transactions transactions, Clock clock) {
        return new FunnelCounting(rollups, transactions, clock);
    }

    /** Not transactional as a whole: it commits a page at a time. */
    @Singleton
    RedriveUseCase redrive(MessageRepository messages, InboundEventLog inbound, AutomationRunRepository runs,
                           DurableScheduler scheduler, Transactions transactions, Clock clock) {
        return new RedriveService(messages, inbound, runs, scheduler, transactions, clock);
    }
}
