package io.herald.application.list;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageListsUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.ListRepository;
import io.herald.application.port.out.ListRepository.Subscription;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class ListService implements ManageListsUseCase {

    private final ListRepository lists;
    private final Clock clock;

    public ListService(ListRepository lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @Override
    public void put(String listId, String name, Map<String, Object> preferences) {
        Instant now = clock.now();
        Instant created = lists.find(listId).map(SubscriptionList::created).orElse(now);
        lists.put(new SubscriptionList(listId, name, preferences, created, now));
    }

    @Override
    public SubscriptionList find(String listId) {
        return lists.find(listId).orElseThrow(() -> new NotFoundException("No list '" + listId + "'"));
    }

    @Override
    public Page<SubscriptionList> list(Optional<String> pattern, Optional<String> cursor, int limit) {
        return lists.list(pattern, cursor, limit);
    }

    @Override
    public void delete(String listId) {
        if (!lists.delete(listId)) {
            throw new NotFoundException("No list '" + listId + "'");
        }
    }

    @Override
    public void restore(String listId) {
        if (!lists.restore(listId, clock.now())) {
            throw new NotFoundException("No list '" + listId + "', live or deleted");
        }
    }

    @Override
    public Page<Subscription> subscriptions(String listId, Optional<String> cursor, int limit) {
        find(listId);
        return lists.subscriptions(listId, cursor, limit);
    }

    @Override
    public void subscribe(String listId, UserId userId, Map<String, Object> preferences) {
        Instant now = createIfAbsent(listId);
        lists.subscribe(listId, userId, preferences, now);
    }

    @Override
    public void subscribeAll(String listId, Map<UserId, Map<String, Object>> preferencesByUser, boolean replacing) {
        Instant now = createIfAbsent(listId);
        List<Subscription> subscriptions = preferencesByUser.entrySet().stream()
                .map(entry -> new Subscription(entry.getKey(), entry.getValue(), now)).toList();
        lists.subscribeAll(listId, subscriptions, replacing);
    }

    /** A list is created, named by its id, when someone subscribes to it first. */
    private Instant createIfAbsent(String listId) {
        Instant now = clock.now();
        if (lists.find(listId).isEmpty()) {
            lists.put(new SubscriptionList(listId, listId, null, now, now));
        }
        return now;
    }

    @Override
    public void unsubscribe(String listId, UserId userId) {
        find(listId);
        if (!lists.unsubscribe(listId, userId)) {
            throw new NotFoundException("User '" + userId + "' is not subscribed to list '" + listId + "'");
        }
    }

    @Override
    public List<SubscriptionList> listsOf(UserId userId) {
        return lists.listsOf(userId);
    }

    @Override
    public void unsubscribeFromAll(UserId userId) {
        for (SubscriptionList list : lists.listsOf(userId)) {
            lists.unsubscribe(list.id(), userId);
        }
    }
}
