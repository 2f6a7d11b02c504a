package io.herald.application.list;

import io.herald.application.errors.NotFoundException;
import io.herald.application.fakes.InMemoryListRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.application.port.out.ListRepository.Subscription;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Courier's Lists API: lists keep their creation time, subscribing creates the list, unknown ones are not found. */
class ListServiceTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final UserId ALEX = UserId.of("alex");

    private final MutableClock clock = new MutableClock(START);
    private final ListService lists = new ListService(new InMemoryListRepository(), clock);

    @Test
    void aListRenamedLaterKeepsWhenItWasCreated() {
        lists.put("beta", "Beta", Map.of("notifications", Map.of()));
        clock.advance(Duration.ofDays(1));

        lists.put("beta", "Beta testers", null);

        SubscriptionList beta = lists.find("beta");
        assertThat(beta.name()).isEqualTo("Beta testers");
        assertThat(beta.created()).isEqualTo(START);
        assertThat(beta.updated()).isEqualTo(START.plus(Duration.ofDays(1)));
    }

    @Test
    void subscribingToAListThatDoesNotExistCreatesItNamedAfterItsId() {
        lists.subscribe("news", ALEX, Map.of("topic", "weekly"));
        lists.subscribe("beta", ALEX, Map.of());

        assertThat(lists.find("news").name()).isEqualTo("news");
        assertThat(lists.subscriptions("news", Optional.empty(), 10).items()).extracting(Subscription::userId, Subscription::preferences)
                .containsExactly(tuple(ALEX, Map.of("topic", "weekly")));
        assertThat(lists.listsOf(ALEX)).extracting(SubscriptionList::id).containsExactlyInAnyOrder("news", "beta");

        lists.unsubscribeFromAll(ALEX);

        assertThat(lists.listsOf(ALEX)).isEmpty();
        assertThat(lists.find("news").id()).as("the lists stay").isEqualTo("news");
    }

    @Test
    void listsAreListedByPatternAPageAtATime() {
        lists.put("team.a", "A", null);
        lists.put("team.b", "B", null);
        lists.put("other", "O", null);

        var page = lists.list(Optional.of("team.*"), Optional.empty(), 1);
        assertThat(page.items()).extracting(SubscriptionList::id).containsExactly("team.a");
        assertThat(lists.list(Optional.of("team.*"), page.cursor(), 1).items()).extracting(SubscriptionList::id).containsExactly("team.b");
    }

    @Test
    void unknownListsAndSubscriptionsAreNotFound() {
        lists.put("beta", "Beta", null);

        assertThatThrownBy(() -> lists.find("nope")).isInstanceOf(NotFoundException.class).hasMessage("No list 'nope'");
        assertThatThrownBy(() -> lists.delete("nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lists.subscriptions("nope", Optional.empty(), 10)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lists.unsubscribe("beta", ALEX)).isInstanceOf(NotFoundException.class)
                .hasMessage("User 'alex' is not subscribed to list 'beta'");

        lists.delete("beta");
        assertThatThrownBy(() -> lists.find("beta")).isInstanceOf(NotFoundException.class);
    }
}
