package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.out.ListRepository;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public final class InMemoryListRepository implements ListRepository {

    private final NavigableMap<String, SubscriptionList> lists = new ConcurrentSkipListMap<>();
    /** By list id, then by user id. */
    private final Map<String, NavigableMap<String, Subscription>> subscriptions = new ConcurrentSkipListMap<>();
    /** Deleted lists and their subscriptions, until restored or put again. */
    private final Map<String, SubscriptionList> deletedLists = new ConcurrentSkipListMap<>();
    private final Map<String, NavigableMap<String, Subscription>> deletedSubscriptions = new ConcurrentSkipListMap<>();

    @Override
    public synchronized void put(SubscriptionList list) {
        deletedLists.remove(list.id());
        deletedSubscriptions.remove(list.id());
        lists.merge(list.id(), list, (stored, changed) ->
                new SubscriptionList(stored.id(), changed.name(), changed.preferences(), stored.created(), changed.updated()));
    }

    @Override
    public Optional<SubscriptionList> find(String listId) {
        return Optional.ofNullable(lists.get(listId));
    }

    @Override
    public synchronized boolean delete(String listId) {
        SubscriptionList list = lists.remove(listId);
        if (list == null) {
            return false;
        }
        deletedLists.put(listId, list);
        NavigableMap<String, Subscription> subscribers = subscriptions.remove(listId);
        if (subscribers != null) {
            deletedSubscriptions.put(listId, subscribers);
        }
        return true;
    }

    @Override
    public synchronized boolean restore(String listId, Instant at) {
        if (lists.containsKey(listId)) {
            return true;
        }
        SubscriptionList list = deletedLists.remove(listId);
        if (list == null) {
            return false;
        }
        lists.put(listId, new SubscriptionList(list.id(), list.name(), list.preferences(), list.created(), at));
        NavigableMap<String, Subscription> subscribers = deletedSubscriptions.remove(listId);
        if (subscribers != null) {
            subscriptions.put(listId, subscribers);
        }
        return true;
    }

    @Override
    public Page<SubscriptionList> list(Optional<String> pattern, Optional<String> cursor, int limit) {
        Pattern matching = Pattern.compile(pattern.map(p -> Arrays.stream(p.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*"))).orElse(".*"), Pattern.DOTALL);
        List<SubscriptionList> after = (cursor.isPresent() ? lists.tailMap(cursor.get(), false) : lists).values().stream()
                .filter(list -> matching.matcher(list.id()).matches()).toList();
        List<SubscriptionList> items = after.stream().limit(limit).toList();
        return new Page<>(items, after.size() > limit ? items.get(limit - 1).id() : null);
    }

    /** The list must exist. Preferences that are empty are kept as none, as the database keeps them. */
    @Override
    public void subscribe(String listId, UserId userId, Map<String, Object> preferences, Instant at) {
        if (!lists.containsKey(listId)) {
            throw new IllegalStateException("no list " + listId);
        }
        Map<String, Object> kept = preferences == null || preferences.isEmpty() ? null : JsonTrees.deepCopy(preferences);
        subscriptions.computeIfAbsent(listId, list -> new ConcurrentSkipListMap<>()).merge(userId.value(), new Subscription(userId, kept, at),
                (stored, again) -> new Subscription(userId, kept, stored.created()));
    }

    @Override
    public synchronized void subscribeAll(String listId, List<Subscription> all, boolean replacing) {
        if (replacing) {
            Set<String> kept = all.stream().map(subscription -> subscription.userId().value()).collect(Collectors.toSet());
            subscriptions.getOrDefault(listId, new ConcurrentSkipListMap<>()).keySet().removeIf(user -> !kept.contains(user));
        }
        all.forEach(subscription -> subscribe(listId, subscription.userId(), subscription.preferences(), subscription.created()));
    }

    @Override
    public boolean unsubscribe(String listId, UserId userId) {
        return subscriptions.getOrDefault(listId, new ConcurrentSkipListMap<>()).remove(userId.value()) != null;
    }

    @Override
    public Page<Subscription> subscriptions(String listId, Optional<String> cursor, int limit) {
        NavigableMap<String, Subscription> all = subscriptions.getOrDefault(listId, new ConcurrentSkipListMap<>());
        List<Subscription> after = List.copyOf((cursor.isPresent() ? all.tailMap(cursor.get(), false) : all).values());
        List<Subscription> items = after.stream().limit(limit).toList();
        return new Page<>(items, after.size() > limit ? items.get(limit - 1).userId().value() : null);
    }

    @Override
    public List<UserId> subscribersAfter(String listId, Optional<UserId> after, int limit) {
        NavigableMap<String, Subscription> all = subscriptions.getOrDefault(listId, new ConcurrentSkipListMap<>());
        return (after.isPresent() ? all.tailMap(after.get().value(), false) : all).values().stream()
                .map(Subscription::userId).limit(limit).toList();
    }

    @Override
    public List<SubscriptionList> listsOf(UserId userId) {
        return subscriptions.entrySet().stream().filter(list -> list.getValue().containsKey(userId.value()))
                .map(list -> lists.get(list.getKey())).toList();
    }

    /** For {@link InMemoryIdentityMerger}: the user's own subscription to a list wins. */
    void moveInto(UserId from, UserId into) {
        Stream.concat(subscriptions.values().stream(), deletedSubscriptions.values().stream()).forEach(subscribers -> {
            Subscription visitor = subscribers.remove(from.value());
            if (visitor != null) {
                subscribers.putIfAbsent(into.value(), new Subscription(into, visitor.preferences(), visitor.created()));
            }
        });
    }

    /** For {@link InMemoryPersonalDataEraser}. */
    void erase(UserId userId) {
        Stream.concat(subscriptions.values().stream(), deletedSubscriptions.values().stream()).forEach(subscribers -> subscribers.remove(userId.value()));
    }
}
