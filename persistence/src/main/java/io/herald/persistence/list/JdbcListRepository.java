package io.herald.persistence.list;

import io.herald.application.port.Page;
import io.herald.application.port.out.ListRepository;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.UserId;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@Transactional
class JdbcListRepository implements ListRepository {

    private final ListJdbcRepository lists;
    private final ListSubscriptionJdbcRepository subscriptions;

    JdbcListRepository(ListJdbcRepository lists, ListSubscriptionJdbcRepository subscriptions) {
        this.lists = lists;
        this.subscriptions = subscriptions;
    }

    @Override
    public void put(SubscriptionList list) {
        lists.dropDeleted(list.id());
        lists.upsert(ListRow.of(list));
    }

    @Override
    public Optional<SubscriptionList> find(String listId) {
        return lists.findLive(listId).map(ListRow::toList);
    }

    @Override
    public boolean delete(String listId) {
        return lists.markDeleted(listId) == 1;
    }

    @Override
    public boolean restore(String listId, Instant at) {
        return lists.restore(listId, at) == 1;
    }

    @Override
    public Page<SubscriptionList> list(Optional<String> pattern, Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        // Courier's list patterns use '*' as a wildcard within a dot-separated id.
        String like = pattern.map(p -> p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%')).orElse("%");
        List<SubscriptionList> rows = lists.findPage(after, like, limit + 1).stream().map(ListRow::toList).toList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<SubscriptionList> items = rows.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1).id()));
    }

    @Override
    public void subscribe(String listId, UserId userId, Map<String, Object> preferences, Instant at) {
        subscriptions.upsert(listId, userId.value(), preferences == null || preferences.isEmpty() ? null : preferences, at);
    }

    @Override
    public void subscribeAll(String listId, List<Subscription> all, boolean replacing) {
        if (replacing) {
            subscriptions.deleteAllBut(listId, all.stream().map(subscription -> subscription.userId().value()).toArray(String[]::new));
        }
        all.forEach(subscription -> subscribe(listId, subscription.userId(), subscription.preferences(), subscription.created()));
    }

    @Override
    public boolean unsubscribe(String listId, UserId userId) {
        return subscriptions.deleteById(new ListSubscriptionRow.Key(listId, userId.value())) == 1;
    }

    @Override
    public Page<Subscription> subscriptions(String listId, Optional<String> cursor, int limit) {
        if (!lists.isLive(listId)) {
            return new Page<>(List.of(), null);
        }
        String after = cursor.map(Db::position).orElse("");
        List<Subscription> rows = subscriptions.findPage(listId, after, limit + 1).stream()
                .map(ListSubscriptionRow::toSubscription).toList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Subscription> items = rows.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1).userId().value()));
    }

    @Override
    public List<UserId> subscribersAfter(String listId, Optional<UserId> after, int limit) {
        // A list deleted while a send expands it has no one left to send to.
        if (!lists.isLive(listId)) {
            return List.of();
        }
        return subscriptions.findUserIds(listId, after.map(UserId::value).orElse(""), limit).stream().map(UserId::of).toList();
    }

    @Override
    public List<SubscriptionList> listsOf(UserId userId) {
        return lists.findSubscribedBy(userId.value()).stream().map(ListRow::toList).toList();
    }
}
