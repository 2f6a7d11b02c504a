package io.herald.persistence.webhook;

import io.herald.application.port.out.WebhookReceipts;
import io.herald.persistence.support.Db;
import jakarta.inject.Singleton;

import java.time.Instant;

@Singleton
class JdbcWebhookReceipts implements WebhookReceipts {

    private final Db db;

    JdbcWebhookReceipts(Db db) {
        this.db = db;
    }

    @Override
    public boolean firstSeen(String provider, String receipt, Instant at) {
        return db.update("INSERT INTO webhook_receipts (provider, receipt, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                statement -> {
                    statement.setString(1, provider);
                    statement.setString(2, receipt);
                    statement.setObject(3, Db.timestamp(at));
                }) == 1;
    }
}
