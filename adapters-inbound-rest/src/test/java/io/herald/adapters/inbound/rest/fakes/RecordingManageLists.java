package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageListsUseCase;
import io.herald.application.port.out.ListRepository.Subscription;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.UserId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Knows the lists a test gives it; any other list id is a NotFoundException, as the use case promises. */
@Singleton
public class RecordingManageLists extends RecordingFake implements ManageListsUseCase {

    private final Map<String, SubscriptionList> lists = new ConcurrentHashMap<>();
    private volatile Page<SubscriptionList> page;
    private volatile Page<Subscription> subscriptions;
    private volatile List<SubscriptionList> listsOfUser;

    public RecordingManageLists() {
        forgetAnswers();
    }

    public void know(SubscriptionList list) {
        lists.put(list.id(), list);
    }

    public void answerList(Page<SubscriptionList> page) {
        this.page = page;
    }

    public void answerSubscriptions(Page<Subscription> subscriptions) {
        this.subscriptions = subscriptions;
    }

    public void answerListsOf(List<SubscriptionList> lists) {
        this.listsOfUser = lists;
    }

    @Override
    public void put(String listId, String name, Map<String, Object> preferences) {
        called("put", listId, name, preferences);
    }

    @Override
    public SubscriptionList find(String listId) {
        called("find", listId);
        return Optional.ofNullable(lists.get(listId)).orElseThrow(() -> new NotFoundException("No list '" + listId + "'"));
    }

    @Override
    public Page<SubscriptionList> list(Optional<String> pattern, Optional<String> cursor, int limit) {
        called("list", pattern, cursor, limit);
        return page;
    }

    @Override
    public void delete(String listId) {
        called("delete", listId);
    }

    @Override
    public Page<Subscription> subscriptions(String listId, Optional<String> cursor, int limit) {
        called("subscriptions", listId, cursor, limit);
        return subscriptions;
    }

    @Override
    public void subscribe(String listId, UserId userId, Map<String, Object> preferences) {
        called("subscribe", listId, userId, preferences);
    }

    @Override
    public void restore(String listId) {
        called("restore", listId);
    }

    @Override
    public void subscribeAll(String listId, Map<UserId, Map<String, Object>> preferencesByUser, boolean replacing) {
        called("subscribeAll", listId, preferencesByUser, replacing);
    }

    @Override
    public void unsubscribe(String listId, UserId userId) {
        called("unsubscribe", listId, userId);
    }

    @Override
    public List<SubscriptionList> listsOf(UserId userId) {
        called("listsOf", userId);
        return listsOfUser;
    }

    @Override
    public void unsubscribeFromAll(UserId userId) {
        called("unsubscribeFromAll", userId);
    }

    @Override
    protected void forgetAnswers() {
        lists.clear();
        page = new Page<>(List.of(), null);
        subscriptions = new Page<>(List.of(), null);
        listsOfUser = List.of();
    }
}
