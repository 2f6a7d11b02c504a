package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ListRepository {

    /** Creates the list, or renames it and replaces its preferences. */
    void put(SubscriptionList list);

    Optional<SubscriptionList> find(String listId);

    /** Deletes the list and its subscriptions. */
    boolean delete(String listId);

    Page<SubscriptionList> list(Optional<String> pattern, Optional<String> cursor, int limit);

    /** Idempotent: subscribing again replaces the subscription's preferences. */
    void subscribe(String listId, UserId userId, Map<String, Object> preferences, Instant at);

    boolean unsubscribe(String listId, UserId userId);

    Page<Subscription> subscriptions(String listId, Optional<String> cursor, int limit);

    /** Up to {@code limit} subscribers in user id order after {@code after}: a send to the list reads them a page at a time. */
    List<UserId> subscribersAfter(String listId, Optional<UserId> after, int limit);

    List<SubscriptionList> listsOf(UserId userId);

    record Subscription(UserId userId, Map<String, Object> preferences, Instant created) {
    }
}
