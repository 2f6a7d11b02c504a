package io.herald.application.contract;

import io.herald.application.port.out.IdentityMerger;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.application.port.out.ListRepository.Subscription;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static io.herald.application.contract.MessageExamples.id;
import static io.herald.application.contract.MessageExamples.toUser;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link IdentityMerger} must do; run against the in-memory fakes and PostgreSQL. */
public abstract class IdentityMergerContract {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final Instant LATER = NOW.plusSeconds(3600);
    private static final UserId VISITOR = UserId.of("anonymous-1");
    private static final UserId USER = UserId.of("alex");

    protected abstract Stores emptyStores();

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    /** What a user (or a visitor) can have: a token, a list subscription, a tenant, a topic preference, an inbox message. */
    private void holds(Stores stores, UserId user, String token, String list, String tenant, String topic, PreferenceStatus status,
                       String inboxMessage, Instant at) {
        stores.profiles().save(Profile.create(user));
        stores.pushTokens().put(new PushToken(user, token, "firebase-fcm", Map.of("owner", user.value()), null, null, null, null, null));
        if (stores.lists().find(list).isEmpty()) {
            stores.lists().put(new SubscriptionList(list, list, null, NOW, NOW));
        }
        stores.lists().subscribe(list, user, Map.of("owner", user.value()), at);
        inTransaction(() -> {
            stores.tenants().lockOrCreate(tenant);
            stores.tenants().addMember(tenant, user, at);
            return null;
        });
        stores.preferences().save(new TopicPreference(user, topic, status, false, List.of()));
        stores.messages().insertAll(List.of(toUser(inboxMessage, user.value(), at)));
        stores.inbox().add(new InboxEntry(id(inboxMessage), user, Map.of("title", "Hi"), at, null, null, null));
    }

    private void merge(Stores stores) {
        inTransaction(() -> {
            stores.identityMerger().moveInto(VISITOR, USER);
            return null;
        });
    }

    @Test
    void whatTheVisitorHadBecomesTheUsers_andTheVisitorIsGone() {
        Stores stores = emptyStores();
        stores.profiles().save(Profile.create(USER));
        holds(stores, VISITOR, "visitor-token", "news", "acme", "billing", PreferenceStatus.OPTED_OUT, "m-1", NOW);

        merge(stores);

        assertThat(stores.profiles().find(VISITOR)).isEmpty();
        assertThat(stores.profiles().find(USER)).isPresent();
        assertThat(stores.pushTokens().list(USER)).containsExactly(new PushToken(USER, "visitor-token", "firebase-fcm",
                Map.of("owner", VISITOR.value()), null, null, null, null, null));
        assertThat(stores.lists().subscriptions("news", Optional.empty(), 10).items())
                .containsExactly(new Subscription(USER, Map.of("owner", VISITOR.value()), NOW));
        assertThat(stores.tenants().members("acme", Optional.empty(), 10).items()).containsExactly(USER);
        assertThat(stores.preferences().list(USER)).containsExactly(new TopicPreference(USER, "billing", PreferenceStatus.OPTED_OUT, false,
                List.of()));
        assertThat(stores.inbox().find(USER, id("m-1"))).isPresent();

        assertThat(stores.pushTokens().list(VISITOR)).isEmpty();
        assertThat(stores.lists().listsOf(VISITOR)).isEmpty();
        assertThat(stores.tenants().tenantsOf(VISITOR, Optional.empty(), 10).items()).isEmpty();
        assertThat(stores.preferences().list(VISITOR)).isEmpty();
        assertThat(stores.inbox().list(VISITOR, true, Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void whatTheUserHadAlreadyWins() {
        Stores stores = emptyStores();
        holds(stores, USER, "shared-token", "news", "acme", "billing", PreferenceStatus.OPTED_IN, "m-1", NOW);
        holds(stores, VISITOR, "shared-token", "news", "acme", "billing", PreferenceStatus.OPTED_OUT, "m-2", LATER);

        merge(stores);

        assertThat(stores.pushTokens().list(USER)).extracting(PushToken::device).containsExactly(Map.of("owner", USER.value()));
        assertThat(stores.lists().subscriptions("news", Optional.empty(), 10).items())
                .containsExactly(new Subscription(USER, Map.of("owner", USER.value()), NOW));
        assertThat(stores.tenants().members("acme", Optional.empty(), 10).items()).containsExactly(USER);
        assertThat(stores.tenants().tenantsOf(USER, Optional.empty(), 10).items()).containsExactly("acme");
        assertThat(stores.preferences().list(USER)).extracting(TopicPreference::status).containsExactly(PreferenceStatus.OPTED_IN);
        assertThat(stores.inbox().list(USER, true, Optional.empty(), 10).items()).extracting(entry -> entry.messageId().value())
                .containsExactly("m-2", "m-1");
        assertThat(stores.profiles().find(VISITOR)).isEmpty();
        assertThat(stores.pushTokens().list(VISITOR)).isEmpty();
    }
}
