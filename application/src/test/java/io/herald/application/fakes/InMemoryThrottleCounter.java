package io.herald.application.fakes;

import io.herald.application.port.out.ThrottleCounter;
import io.herald.domain.message.MessageId;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class InMemoryThrottleCounter implements ThrottleCounter {

    private record Hit(String key, Instant at) {
    }

    private final Map<MessageId, Hit> hits = new LinkedHashMap<>();

    @Override
    public synchronized boolean admit(String key, int max, Duration period, MessageId messageId, Instant now) {
        if (hits.containsKey(messageId)) {
            return true;
        }
        Instant after = now.minus(period);
        long inWindow = hits.values().stream().filter(hit -> hit.key().equals(key) && hit.at().isAfter(after)).count();
        if (inWindow >= max) {
            return false;
        }
        hits.put(messageId, new Hit(key, now));
        return true;
    }

    @Override
    public synchronized int forgetBefore(Instant cutoff, int limit) {
        List<MessageId> old = hits.entrySet().stream().filter(entry -> entry.getValue().at().isBefore(cutoff)).limit(limit)
                .map(Map.Entry::getKey).toList();
        old.forEach(hits::remove);
        return old.size();
    }
}
