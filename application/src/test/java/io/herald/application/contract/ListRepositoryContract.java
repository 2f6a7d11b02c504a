package io.herald.application.contract;

import io.herald.application.port.Page;
import io.herald.application.port.out.ListRepository;
import io.herald.application.port.out.ListRepository.Subscription;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ListRepository} must do; run against the in-memory fake and PostgreSQL. */
public abstract class ListRepositoryContract {

    private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final Instant LATER = CREATED.plusSeconds(3600);
    private static final UserId ALEX = UserId.of("alex");

    protected abstract ListRepository emptyRepository();

    private static SubscriptionList list(String id) {
        return new SubscriptionList(id, "List " + id, null, CREATED, CREATED);
    }

    private static List<String> ids(List<SubscriptionList> lists) {
        return lists.stream().map(SubscriptionList::id).toList();
    }

    private static List<String> users(List<Subscription> subscriptions) {
        return subscriptions.stream().map(subscription -> subscription.userId().value()).toList();
    }

    @Test
    void putCreatesAList_andAgainRenamesItAndReplacesItsPreferences() {
        ListRepository lists = emptyRepository();
        SubscriptionList created = new SubscriptionList("product.news", "Product news",
                Map.of("notifications", Map.of("weekly", Map.of("status", "OPTED_IN")), "n", 2), CREATED, CREATED);
        lists.put(created);
        assertThat(lists.find("product.news")).contains(created);

        lists.put(new SubscriptionList("product.news", "Release notes", null, LATER, LATER));

        SubscriptionList renamed = lists.find("product.news").orElseThrow();
        assertThat(renamed).isEqualTo(new SubscriptionList("product.news", "Release notes", null, CREATED, LATER));
        assertThat(lists.find("unknown")).isEmpty();
    }

    @Test
    void deletingAListReportsWhetherThereWasOne_andHidesItsSubscriptions_untilItIsPutAgainEmpty() {
        ListRepository lists = emptyRepository();
        lists.put(list("news"));
        lists.put(list("other"));
        lists.subscribe("news", ALEX, Map.of(), CREATED);
        lists.subscribe("other", ALEX, Map.of(), CREATED);

        assertThat(lists.delete("news")).isTrue();
        assertThat(lists.delete("news")).isFalse();

        assertThat(lists.find("news")).isEmpty();
        assertThat(lists.listsOf(ALEX)).extracting(SubscriptionList::id).containsExactly("other");
        lists.put(list("news"));
        assertThat(lists.subscriptions("news", Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void listsAreListedInIdOrderAPageAtATime_filteredByAPatternWhereStarIsTheOnlyWildcard() {
        ListRepository lists = emptyRepository();
        for (String id : List.of("team_a.weekly", "team_a.daily", "teamxa.daily", "team_a", "other.daily", "team%b.daily")) {
            lists.put(list(id));
        }

        Page<SubscriptionList> first = lists.list(Optional.empty(), Optional.empty(), 4);
        Page<SubscriptionList> last = lists.list(Optional.empty(), first.cursor(), 4);
        assertThat(ids(first.items())).containsExactly("other.daily", "team%b.daily", "team_a", "team_a.daily");
        assertThat(ids(last.items())).containsExactly("team_a.weekly", "teamxa.daily");
        assertThat(last.hasMore()).isFalse();

        Page<SubscriptionList> teamA = lists.list(Optional.of("team_a.*"), Optional.empty(), 1);
        assertThat(ids(teamA.items())).containsExactly("team_a.daily");
        assertThat(ids(lists.list(Optional.of("team_a.*"), teamA.cursor(), 1).items())).containsExactly("team_a.weekly");
        assertThat(ids(lists.list(Optional.of("*.daily"), Optional.empty(), 10).items()))
                .containsExactly("other.daily", "team%b.daily", "team_a.daily", "teamxa.daily");
        assertThat(ids(lists.list(Optional.of("team%b.*"), Optional.empty(), 10).items())).containsExactly("team%b.daily");
        assertThat(ids(lists.list(Optional.of("team_a"), Optional.empty(), 10).items())).containsExactly("team_a");
    }

    @Test
    void subscribingAgainReplacesTheSubscriptionsPreferencesOnly() {
        ListRepository lists = emptyRepository();
        lists.put(list("news"));
        lists.subscribe("news", ALEX, Map.of("channel", "email", "digest", Map.of("every", 7)), CREATED);
        assertThat(lists.subscriptions("news", Optional.empty(), 10).items())
                .containsExactly(new Subscription(ALEX, Map.of("channel", "email", "digest", Map.of("every", 7)), CREATED));

        lists.subscribe("news", ALEX, Map.of("channel", "sms"), LATER);
        assertThat(lists.subscriptions("news", Optional.empty(), 10).items())
                .containsExactly(new Subscription(ALEX, Map.of("channel", "sms"), CREATED));

        lists.subscribe("news", ALEX, Map.of(), LATER);
        assertThat(lists.subscriptions("news", Optional.empty(), 10).items()).containsExactly(new Subscription(ALEX, null, CREATED));
    }

    @Test
    void subscriptionsAreListedInUserIdOrderAPageAtATime_andUnsubscribeReportsWhetherThereWasOne() {
        ListRepository lists = emptyRepository();
        lists.put(list("news"));
        lists.put(list("other"));
        for (String user : List.of("dana", "bo", "cy", "al")) {
            lists.subscribe("news", UserId.of(user), Map.of(), CREATED);
        }
        lists.subscribe("other", UserId.of("eve"), Map.of(), CREATED);

        assertThat(lists.unsubscribe("news", UserId.of("cy"))).isTrue();
        assertThat(lists.unsubscribe("news", UserId.of("cy"))).isFalse();
        assertThat(lists.unsubscribe("news", UserId.of("eve"))).isFalse();

        Page<Subscription> first = lists.subscriptions("news", Optional.empty(), 2);
        Page<Subscription> last = lists.subscriptions("news", first.cursor(), 2);
        assertThat(users(first.items())).containsExactly("al", "bo");
        assertThat(first.hasMore()).isTrue();
        assertThat(users(last.items())).containsExactly("dana");
        assertThat(last.hasMore()).isFalse();
    }

    @Test
    void subscribersAreReadInUserIdOrderABoundedPageAfterTheLastOneRead() {
        ListRepository lists = emptyRepository();
        lists.put(list("news"));
        lists.put(list("other"));
        for (String user : List.of("dana", "bo", "cy", "al")) {
            lists.subscribe("news", UserId.of(user), Map.of(), CREATED);
        }
        lists.subscribe("other", UserId.of("eve"), Map.of(), CREATED);

        assertThat(lists.subscribersAfter("news", Optional.empty(), 3)).extracting(UserId::value).containsExactly("al", "bo", "cy");
        assertThat(lists.subscribersAfter("news", Optional.of(UserId.of("cy")), 3)).extracting(UserId::value).containsExactly("dana");
        assertThat(lists.subscribersAfter("news", Optional.of(UserId.of("dana")), 3)).isEmpty();
    }

    @Test
    void aUsersListsAreTheOnesSubscribedToInIdOrder() {
        ListRepository lists = emptyRepository();
        for (String id : List.of("c", "a", "b")) {
            lists.put(list(id));
        }
        lists.subscribe("c", ALEX, Map.of(), CREATED);
        lists.subscribe("a", ALEX, Map.of(), CREATED);
        lists.subscribe("b", UserId.of("kim"), Map.of(), CREATED);

        assertThat(ids(lists.listsOf(ALEX))).containsExactly("a", "c");
        assertThat(lists.listsOf(UserId.of("nobody"))).isEmpty();
    }

    @Test
    void aDeletedListIsRestoredWithItsSubscriptions_andRestoringALiveOneChangesNothing() {
        ListRepository lists = emptyRepository();
        lists.put(list("news"));
        lists.subscribe("news", ALEX, Map.of("notifications", Map.of()), CREATED);
        lists.delete("news");
        assertThat(lists.subscribersAfter("news", Optional.empty(), 10)).isEmpty();
        assertThat(lists.subscriptions("news", Optional.empty(), 10).items()).isEmpty();
        assertThat(lists.list(Optional.empty(), Optional.empty(), 10).items()).isEmpty();

        assertThat(lists.restore("news", LATER)).isTrue();

        assertThat(lists.find("news")).contains(new SubscriptionList("news", "List news", null, CREATED, LATER));
        assertThat(lists.subscribersAfter("news", Optional.empty(), 10)).containsExactly(ALEX);
        assertThat(lists.listsOf(ALEX)).extracting(SubscriptionList::id).containsExactly("news");
        assertThat(lists.restore("news", LATER.plusSeconds(60))).isTrue();
        assertThat(lists.find("news").orElseThrow().updated()).isEqualTo(LATER);
        assertThat(lists.restore("unknown", LATER)).isFalse();
    }

    @Test
    void aListPutAgainAfterItWasDeletedCannotBeRestoredToItsOldSubscribers() {
        ListRepository lists = emptyRepository();
        lists.put(list("news"));
        lists.subscribe("news", ALEX, Map.of(), CREATED);
        lists.delete("news");
        lists.put(list("news"));
        lists.subscribe("news", UserId.of("kim"), Map.of(), LATER);

        assertThat(lists.restore("news", LATER)).isTrue();
        assertThat(users(lists.subscriptions("news", Optional.empty(), 10).items())).containsExactly("kim");
    }

    @Test
    void subscribeAllAddsThemAll_andReplacingUnsubscribesEveryoneElse() {
        ListRepository lists = emptyRepository();
        lists.put(list("news"));
        lists.subscribe("news", ALEX, Map.of(), CREATED);
        lists.subscribe("news", UserId.of("bo"), Map.of(), CREATED);

        lists.subscribeAll("news", List.of(new Subscription(UserId.of("kim"), Map.of(), LATER)), false);
        assertThat(users(lists.subscriptions("news", Optional.empty(), 10).items())).containsExactly("alex", "bo", "kim");

        lists.subscribeAll("news", List.of(new Subscription(UserId.of("kim"), Map.of("n", 1), LATER),
                new Subscription(UserId.of("zed"), Map.of(), LATER)), true);
        List<Subscription> after = lists.subscriptions("news", Optional.empty(), 10).items();
        assertThat(users(after)).containsExactly("kim", "zed");
        assertThat(after.get(0).preferences()).isEqualTo(Map.of("n", 1));
        assertThat(after.get(0).created()).isEqualTo(LATER);

        lists.subscribeAll("news", List.of(), true);
        assertThat(lists.subscriptions("news", Optional.empty(), 10).items()).isEmpty();
    }
}
