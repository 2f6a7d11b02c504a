package io.herald.application.fakes;

import io.herald.application.port.out.WebhookReceipts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryWebhookReceipts implements WebhookReceipts {

    private final Map<List<String>, Instant> receipts = new ConcurrentHashMap<>();

    @Override
    public boolean firstSeen(String provider, String receipt, Instant at) {
        return receipts.putIfAbsent(List.of(provider, receipt), at) == null;
    }

    /** For {@link InMemoryRetentionStore}. */
    synchronized int deleteReceivedBefore(Instant cutoff, int limit) {
        List<List<String>> old = receipts.entrySet().stream().filter(receipt -> receipt.getValue().isBefore(cutoff))
                .map(Map.Entry::getKey).limit(limit).toList();
        old.forEach(receipts::remove);
        return old.size();
    }
}
