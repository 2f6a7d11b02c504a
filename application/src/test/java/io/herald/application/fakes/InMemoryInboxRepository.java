package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.out.InboxRepository;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemoryInboxRepository implements InboxRepository {

    private final NavigableMap<MessageId, InboxEntry> entries = new ConcurrentSkipListMap<>();
    private final List<InboxEvent> events = new ArrayList<>();

    @Override
    public synchronized void add(InboxEntry entry) {
        if (entries.putIfAbsent(entry.messageId(), new InboxEntry(entry.messageId(), entry.userId(), JsonTrees.deepCopy(entry.content()),
                entry.created(), entry.read(), entry.clicked(), entry.archived())) == null) {
            event(entry.userId(), "message", Optional.of(entry.messageId()), entry.created());
        }
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
    public synchronized boolean mark(UserId userId, MessageId messageId, String action, Instant at) {
        if (!List.of("read", "click", "archive").contains(action)) {
            throw new IllegalArgumentException("unknown inbox action " + action);
        }
        InboxEntry before = find(userId, messageId).orElse(null);
        if (before == null) {
            return false;
        }
        InboxEntry after = new InboxEntry(messageId, userId, before.content(), before.created(), firstTime(before.read(), action, "read", at),
                firstTime(before.clicked(), action, "click", at), firstTime(before.archived(), action, "archive", at));
        entries.put(messageId, after);
        boolean changed = !after.equals(before);
        if (changed && !action.equals("click")) {
            event(userId, action, Optional.of(messageId), at);
        }
        return changed;
    }

    @Override
    public synchronized boolean markUnread(UserId userId, MessageId messageId, Instant at) {
        InboxEntry before = find(userId, messageId).filter(entry -> entry.read() != null).orElse(null);
        if (before == null) {
            return false;
        }
        entries.put(messageId, new InboxEntry(messageId, userId, before.content(), before.created(), null, before.clicked(), before.archived()));
        event(userId, "unread", Optional.of(messageId), at);
        return true;
    }

    @Override
    public synchronized int markAllRead(UserId userId, Instant at) {
        int marked = 0;
        for (InboxEntry e : List.copyOf(entries.values())) {
            if (e.userId().equals(userId) && e.read() == null && e.archived() == null) {
                entries.put(e.messageId(), new InboxEntry(e.messageId(), userId, e.content(), e.created(), at, e.clicked(), e.archived()));
                marked++;
            }
        }
        if (marked > 0) {
            event(userId, "read-all", Optional.empty(), at);
        }
        return marked;
    }

    @Override
    public synchronized Optional<UserId> markReadOfMessage(MessageId messageId, Instant at) {
        InboxEntry e = entries.get(messageId);
        if (e == null || e.read() != null) {
            return Optional.empty();
        }
        entries.put(messageId, new InboxEntry(messageId, e.userId(), e.content(), e.created(), at, e.clicked(), e.archived()));
        event(e.userId(), "read", Optional.of(messageId), at);
        return Optional.of(e.userId());
    }

    @Override
    public synchronized long unreadCount(UserId userId) {
        return entries.values().stream().filter(e -> e.userId().equals(userId) && e.read() == null && e.archived() == null).count();
    }

    @Override
    public synchronized List<InboxEvent> eventsAfter(UserId userId, long afterId, int limit) {
        return events.stream().filter(event -> event.userId().equals(userId) && event.id() > afterId).limit(limit).toList();
    }

    @Override
    public synchronized long latestEventId(UserId userId) {
        return events.stream().filter(event -> event.userId().equals(userId)).mapToLong(InboxEvent::id).max().orElse(0);
    }

    /** For {@link InMemoryRetentionStore}. */
    synchronized int forgetEventsBefore(Instant before, int limit) {
        List<InboxEvent> old = events.stream().filter(event -> event.at().isBefore(before)).limit(limit).toList();
        events.removeAll(old);
        return old.size();
    }

    private void event(UserId userId, String type, Optional<MessageId> messageId, Instant at) {
        long id = events.isEmpty() ? 1 : events.get(events.size() - 1).id() + 1;
        events.add(new InboxEvent(id, userId, type, messageId, at));
    }

    /** For {@link InMemoryIdentityMerger}. */
    void moveInto(UserId from, UserId into) {
        entries.replaceAll((id, e) -> !e.userId().equals(from) ? e
                : new InboxEntry(id, into, e.content(), e.created(), e.read(), e.clicked(), e.archived()));
    }

    /** For {@link InMemoryPersonalDataEraser}. */
    synchronized void erase(UserId userId) {
        entries.values().removeIf(entry -> entry.userId().equals(userId));
        events.removeIf(event -> event.userId().equals(userId));
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
