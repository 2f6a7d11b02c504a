package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.out.InboxRepository;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemoryInboxRepository implements InboxRepository {

    private final NavigableMap<MessageId, InboxEntry> entries = new ConcurrentSkipListMap<>();

    @Override
    public void add(InboxEntry entry) {
        entries.putIfAbsent(entry.messageId(), new InboxEntry(entry.messageId(), entry.userId(), JsonTrees.deepCopy(entry.content()),
                entry.created(), entry.read(), entry.clicked(), entry.archived()));
    }

    @Override
    public Page<InboxEntry> list(UserId userId, boolean includeArchived, Optional<String> cursor, int limit) {
        NavigableMap<MessageId, InboxEntry> before = cursor.map(c -> entries.headMap(new MessageId(c), false)).orElse(entries);
        List<InboxEntry> matching = before.descendingMap().values().stream()
                .filter(entry -> entry.userId().equals(userId) && (includeArchived || entry.archived() == null)).toList();
        if (matching.size() <= limit) {
            return new Page<>(matching, null);
        }
        List<InboxEntry> items = matching.subList(0, limit);
        return new Page<>(items, items.get(limit - 1).messageId().value());
    }

    @Override
    public Optional<InboxEntry> find(UserId userId, MessageId messageId) {
        return Optional.ofNullable(entries.get(messageId)).filter(entry -> entry.userId().equals(userId));
    }

    @Override
    public void mark(UserId userId, MessageId messageId, String action, Instant at) {
        if (!List.of("read", "click", "archive").contains(action)) {
            throw new IllegalArgumentException("unknown inbox action " + action);
        }
        entries.computeIfPresent(messageId, (id, e) -> !e.userId().equals(userId) ? e : new InboxEntry(id, e.userId(), e.content(),
                e.created(), firstTime(e.read(), action, "read", at), firstTime(e.clicked(), action, "click", at),
                firstTime(e.archived(), action, "archive", at)));
    }

    /** For {@link InMemoryIdentityMerger}. */
    void moveInto(UserId from, UserId into) {
        entries.replaceAll((id, e) -> !e.userId().equals(from) ? e
                : new InboxEntry(id, into, e.content(), e.created(), e.read(), e.clicked(), e.archived()));
    }

    /** For {@link InMemoryPersonalDataEraser}. */
    void erase(UserId userId) {
        entries.values().removeIf(entry -> entry.userId().equals(userId));
    }

    /** For {@link InMemoryRetentionStore}: a message's inbox entry goes with it. */
    void removeMessages(Collection<MessageId> messageIds) {
        messageIds.forEach(entries::remove);
    }

    /** The time the action was first taken: kept once set. */
    private static Instant firstTime(Instant taken, String action, String thisAction, Instant at) {
        return taken != null || !action.equals(thisAction) ? taken : at;
    }
}
