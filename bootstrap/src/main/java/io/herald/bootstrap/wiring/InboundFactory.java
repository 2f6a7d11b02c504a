package io.herald.bootstrap.wiring;

import io.herald.application.inbound.CoalescingIngest;
import io.herald.application.inbound.EventTrigger;
import io.herald.application.inbound.InboundEventWriter;
import io.herald.application.inbound.InboundDriver;
import io.herald.application.inbound.InboundEventsService;
import io.herald.application.inbound.ProcessInboundEventService;
import io.herald.application.port.in.ListInboundEventsUseCase;
import io.herald.application.port.in.DrainInboundEventsUseCase;
import io.herald.application.port.in.ProcessInboundEventUseCase;
import io.herald.application.port.in.TrackInboundEventUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.IdentityMerger;
import io.herald.application.port.out.OperationalMetrics;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.TenantRepository;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Segment in. Each use case is handed out by its port type, and each call runs in one transaction, so an
 * event and the job that processes it are stored together or not at all.
 */
@Factory
class InboundFactory {

    /** Events processed per transaction: large enough to share commits, small enough to keep locks short. */
    private static final int INBOUND_CHUNK = 500;

    @Singleton
    @Bean(typed = InboundEventsService.class)
    InboundEventsService inboundEventsService(InboundEventLog log, DurableScheduler scheduler, Clock clock) {
        return new InboundEventsService(log, scheduler, clock);
    }

    @Singleton
    @Transactional
    InboundEventWriter inboundEventWriter(InboundEventsService service) {
        return service;
    }

    /** Group commit: concurrent acknowledgements share a transaction (see CoalescingIngest). */
    @Singleton
    @Bean(preDestroy = "close")
    CoalescingIngest ingestSegmentEvents(InboundEventWriter writer, IngestConfiguration ingest) {
        return new CoalescingIngest(writer, ingest.writers(), ingest.maxEventsPerTransaction());
    }

    @Singleton
    @Transactional
    TrackInboundEventUseCase trackInboundEvent(InboundEventsService service) {
        return service;
    }

    @Singleton
    @ReadOnly
    ListInboundEventsUseCase listInboundEvents(InboundEventsService service) {
        return service;
    }

    @Singleton
    @Transactional
    ProcessInboundEventUseCase processInboundEvent(InboundEventLog log, ProfileRepository profiles, TenantRepository tenants,
                                                   List<EventTrigger> triggers, OperationalMetrics metrics,
                                                   IdentityMerger identities, Clock clock) {
        return new ProcessInboundEventService(log, profiles, tenants, triggers, metrics, identities, clock);
    }

    /** Durable work: pending inbound events, a chunk per transaction. */
    @Singleton
    DrainInboundEventsUseCase drainInboundEvents(ProcessInboundEventUseCase processing) {
        return new InboundDriver(processing, INBOUND_CHUNK);
    }
}
