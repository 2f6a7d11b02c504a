package io.herald.application.fakes;

import io.herald.application.port.out.DeliveryLooks;
import io.herald.application.port.out.Transactions;
import io.herald.domain.delivery.Backoff;
import io.herald.domain.message.MessageId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The delivery queue in memory, with the one property of the real one that callers depend on: what a transaction
 * took is due again when it does not commit ({@link #transactions()} rolls back the queue on an exception).
 */
public final class InMemoryDeliveryLooks implements DeliveryLooks {

    /** Due time, then message: the looks in due order. */
    private TreeMap<Instant, Set<MessageId>> looks = new TreeMap<>();
    private final Map<MessageId, Integer> failures = new HashMap<>();

    public synchronized void schedule(MessageId message, Instant at) {
        looks.computeIfAbsent(at, time -> new LinkedHashSet<>()).add(message);
    }

    /** When each remaining look is due, by message. */
    public synchronized Map<MessageId, List<Instant>> remaining() {
        Map<MessageId, List<Instant>> byMessage = new HashMap<>();
        looks.forEach((at, messages) -> messages.forEach(m -> byMessage.computeIfAbsent(m, id -> new ArrayList<>()).add(at)));
        return byMessage;
    }

    public synchronized int failures(MessageId message) {
        return failures.getOrDefault(message, 0);
    }

    @Override
    public synchronized Taken takeDue(Instant now, int limit) {
        return take(now, limit, null);
    }

    @Override
    public synchronized Taken takeDue(MessageId message, Instant now) {
        return take(now, Integer.MAX_VALUE, message);
    }

    private Taken take(Instant now, int limit, MessageId only) {
        Set<MessageId> messages = new LinkedHashSet<>();
        int taken = 0;
        for (Map.Entry<Instant, Set<MessageId>> due : looks.headMap(now, true).entrySet()) {
            for (Iterator<MessageId> it = due.getValue().iterator(); it.hasNext() && taken < limit; ) {
                MessageId message = it.next();
                if (only == null || only.equals(message)) {
                    it.remove();
                    messages.add(message);
                    taken++;
                }
            }
        }
        looks.values().removeIf(Set::isEmpty);
        return new Taken(List.copyOf(messages), taken);
    }

    @Override
    public synchronized int postpone(MessageId message, Instant now, Backoff backoff) {
        take(now, Integer.MAX_VALUE, message);
        int count = failures.merge(message, 1, Integer::sum);
        schedule(message, now.plus(backoff.delay(count)));
        return count;
    }

    /** Transactions over this queue: a unit of work that throws leaves the queue as it found it. */
    public Transactions transactions() {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                TreeMap<Instant, Set<MessageId>> before = copy();
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    restore(before);
                    throw e;
                }
            }
        };
    }

    private synchronized TreeMap<Instant, Set<MessageId>> copy() {
        TreeMap<Instant, Set<MessageId>> copy = new TreeMap<>();
        looks.forEach((at, messages) -> copy.put(at, new LinkedHashSet<>(messages)));
        return copy;
    }

    private synchronized void restore(TreeMap<Instant, Set<MessageId>> before) {
        looks = before;
    }
}
