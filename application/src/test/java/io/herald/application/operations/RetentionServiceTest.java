package io.herald.application.operations;

import io.herald.application.fakes.InMemoryAuditLog;
import io.herald.application.fakes.InMemoryThrottleCounter;
import io.herald.application.fakes.InMemoryStores;
import io.herald.application.fakes.MutableClock;
import io.herald.application.port.out.Transactions;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention job deletes ended messages past their retention, a bounded batch per transaction, and keeps the rest. */
class RetentionServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration NINETY_DAYS = Duration.ofDays(90);

    private final InMemoryStores stores = InMemoryStores.empty();
    private final AtomicInteger transactions = new AtomicInteger();
    private final Transactions counting = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            transactions.incrementAndGet();
            return work.get();
        }
    };
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final RetentionService retention = new RetentionService(stores.retention(), audit, new InMemoryThrottleCounter(), counting,
            new RetentionService.Retention(NINETY_DAYS, Duration.ofDays(30), NINETY_DAYS, Duration.ofDays(365)), 2, new MutableClock(NOW));

    private MessageId message(String id, Instant enqueuedAt, boolean canceled) {
        Message message = Message.enqueue(new MessageId(id), id, MessageSpec.parse(Map.of("to", Map.of("email", "a@example.org"),
                "content", Map.of("title", "Hi", "body", "Hello"))), Optional.empty(), Optional.empty(), enqueuedAt);
        if (canceled) {
            message.cancel(enqueuedAt);
        }
        stores.messages().insertAll(List.of(message));
        return message.id();
    }

    @Test
    void auditEventsAreKeptAYear() {
        audit.append(io.herald.domain.audit.AuditEvent.of("key_a", "api", "PUT /brands/{brand_id}", "/brands/a", NOW.minus(Duration.ofDays(366))));
        io.herald.domain.audit.AuditEvent recent = audit.append(io.herald.domain.audit.AuditEvent.of("key_a", "api", "PUT /brands/{brand_id}",
                "/brands/b", NOW.minus(Duration.ofDays(364))));

        assertThat(retention.applyRetention()).isEqualTo(1);
        assertThat(audit.list(Optional.empty(), 10).items()).containsExactly(recent);
    }

    @Test
    void endedMessagesPastTheirRetentionAreDeletedInBatchesAndTheOthersKept() {
        Instant old = NOW.minus(NINETY_DAYS).minusSeconds(1);
        List<MessageId> expired = List.of(message("m1", old, true), message("m2", old, true), message("m3", old, true));
        MessageId recent = message("m4", NOW.minus(Duration.ofDays(1)), true);
        MessageId stillDue = message("m5", old, false);

        assertThat(retention.applyRetention()).isEqualTo(3);

        assertThat(expired).allSatisfy(id -> assertThat(stores.messages().find(id)).isEmpty());
        assertThat(stores.messages().find(recent)).isPresent();
        assertThat(stores.messages().find(stillDue)).as("not past sending yet").isPresent();
        assertThat(transactions).as("messages in batches of 2 (2, 1), then one batch of each other kind").hasValue(8);
    }
}
