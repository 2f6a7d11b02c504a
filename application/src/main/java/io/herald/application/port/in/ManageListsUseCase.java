package io.herald.application.port.in;

import io.herald.application.port.Page;
import io.herald.application.port.out.ListRepository.Subscription;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.UserId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Courier's Lists API, and a profile's list subscriptions. Unknown lists are a NotFoundException. */
public interface ManageListsUseCase {

    void put(String listId, String name, Map<String, Object> preferences);

    SubscriptionList find(String listId);

    Page<SubscriptionList> list(Optional<String> pattern, Optional<String> cursor, int limit);

    void delete(String listId);

    /** Brings a deleted list back with its subscriptions; a live list stays as it is. */
    void restore(String listId);

    Page<Subscription> subscriptions(String listId, Optional<String> cursor, int limit);

    /** Subscribes the user, creating the list (named after its id) if it does not exist yet. */
    void subscribe(String listId, UserId userId, Map<String, Object> preferences);

    /**
     * Subscribes them all at once, creating the list if needed; with {@code replacing}, everyone else on the list is
     * unsubscribed in the same transaction (Courier's {@code PUT /lists/{id}/subscriptions}).
     */
    void subscribeAll(String listId, Map<UserId, Map<String, Object>> preferencesByUser, boolean replacing);

    void unsubscribe(String listId, UserId userId);

    List<SubscriptionList> listsOf(UserId userId);

    /** Unsubscribes the user from every list. */
    void unsubscribeFromAll(UserId userId);
}
