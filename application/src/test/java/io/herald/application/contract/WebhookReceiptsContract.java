package io.herald.application.contract;

import io.herald.application.port.out.WebhookReceipts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link WebhookReceipts} must do; run against the in-memory fake and PostgreSQL. */
public abstract class WebhookReceiptsContract {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    protected abstract WebhookReceipts emptyReceipts();

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    @Test
    void aReceiptIsFirstSeenOnceByItsProvider() {
        WebhookReceipts receipts = emptyReceipts();

        assertThat(inTransaction(() -> receipts.firstSeen("sendgrid", "sg-event-1", NOW))).isTrue();
        assertThat(inTransaction(() -> receipts.firstSeen("sendgrid", "sg-event-1", NOW.plusSeconds(5)))).isFalse();
        assertThat(inTransaction(() -> receipts.firstSeen("sendgrid", "sg-event-2", NOW))).isTrue();
        assertThat(inTransaction(() -> receipts.firstSeen("twilio", "sg-event-1", NOW))).isTrue();
    }
}
