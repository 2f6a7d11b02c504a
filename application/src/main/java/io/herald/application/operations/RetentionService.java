package io.herald.application.operations;

import io.herald.application.port.in.ApplyRetentionUseCase;
import io.herald.application.port.out.AuditLog;
import io.herald.application.port.out.ThrottleCounter;
import io.herald.domain.throttle.Throttle;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.RetentionStore;
import io.herald.application.port.out.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * Deletes messages, inbound events, automation runs and audit events past their retention ({@code herald.retention.*}) a batch at a
 * time, each batch in its own transaction, so that a first run on a large database neither holds locks for long nor
 * needs memory in proportion. Receipts of provider callbacks and reported feedback go with the inbound events'.
 */
public final class RetentionService implements ApplyRetentionUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);
    /** How long an inbox stream can be away and still resume where it was (Last-Event-ID); later it starts afresh. */
    public static final Duration INBOX_EVENTS_KEPT = Duration.ofDays(1);

    /** @param messages etc. how long each kind is kept */
    public record Retention(Duration messages, Duration inboundEvents, Duration automationRuns, Duration auditEvents) {
    }

    private final RetentionStore store;
    private final AuditLog audit;
    private final ThrottleCounter throttles;
    private final Transactions transactions;
    private final Retention retention;
    private final int batch;
    private final Clock clock;

    public RetentionService(RetentionStore store, AuditLog audit, ThrottleCounter throttles, Transactions transactions, Retention retention,
                            int batch, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.throttles = throttles;
        this.transactions = transactions;
        this.retention = retention;
        this.batch = batch;
        this.clock = clock;
    }

    @Override
    public long applyRetention() {
        Instant now = clock.now();
        long messages = purge(now.minus(retention.messages()), store::deleteMessages);
        long events = purge(now.minus(retention.inboundEvents()), store::deleteInboundEvents);
        long runs = purge(now.minus(retention.automationRuns()), store::deleteAutomationRuns);
        long receipts = purge(now.minus(retention.inboundEvents()), store::deleteReceiptsAndReportedFeedback);
        long audited = purge(now.minus(retention.auditEvents()), audit::deleteBefore);
        long inbox = purge(now.minus(INBOX_EVENTS_KEPT), store::deleteInboxEvents);
        // A throttle counts over at most its longest period: what is older can never count again.
        long throttled = purge(now.minus(Throttle.LONGEST_PERIOD), throttles::forgetBefore);
        if (messages + events + runs + receipts + audited > 0) {
            LOG.info("Retention: deleted {} messages, {} inbound events, {} automation runs, {} receipts and reported feedback events, "
                    + "{} audit events", messages, events, runs, receipts, audited);
        }
        return messages + events + runs + receipts + audited + inbox + throttled;
    }

    private long purge(Instant cutoff, BiFunction<Instant, Integer, Integer> delete) {
        long total = 0;
        int deleted;
        do {
            deleted = transactions.inTransaction(() -> delete.apply(cutoff, batch));
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
