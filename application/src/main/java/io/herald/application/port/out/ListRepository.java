package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ListRepository {

    /** Creates the list (dropping a deleted one of that id for good), or renames it and replaces its preferences. */
    void put(SubscriptionList list);

    /** The list, unless it is deleted. */
    Optional<SubscriptionList> find(String listId);

    /**
     * Deletes the list: it and its subscriptions are gone from every read and every send, but kept, so that
     * {@link #restore} can bring them back until a list of that id is put or subscribed to again, which starts it empty.
     */
    boolean delete(String listId);

    /** Brings a deleted list back with its subscriptions. True when the list exists (already live or now restored). */
    boolean restore(String listId, Instant at);

    Page<SubscriptionList> list(Optional<String> pattern, Optional<String> cursor, int limit);

    /** Idempotent: subscribing again replaces the subscription's preferences. */
    void subscribe(String listId, UserId userId, Map<String, Object> preferences, Instant at);

    /**
     * Subscribes them all in one transaction (subscribing again replaces the preferences only); with
     * {@code replacing}, every other subscriber of the list is unsubscribed in the same transaction. The list must exist.
     */
    void subscribeAll(String listId, List<Subscription> subscriptions, boolean replacing);

    boolean unsubscribe(String listId, UserId userId);

    Page<Subscription> subscriptions(String listId, Optional<String> cursor, int limit);

    /** Up to {@code limit} subscribers in user id order after {@code after}: a send to the list reads them a page at a time. */
    List<UserId> subscribersAfter(String listId, Optional<UserId> after, int limit);

    List<SubscriptionList> listsOf(UserId userId);

    record Subscription(UserId userId, Map<String, Object> preferences, Instant created) {
    }
}
