package io.herald.application.contract;

import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.application.port.out.MessageRepository.Output;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.PersonalDataEraser;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.delivery.FailoverPolicy;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static io.herald.application.contract.MessageExamples.id;
import static io.herald.application.contract.MessageExamples.routed;
import static io.herald.application.contract.MessageExamples.state;
import static io.herald.application.contract.MessageExamples.toUser;
import static io.herald.application.contract.MessageExamples.withTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What every {@link PersonalDataEraser} must do; run against the in-memory fakes and PostgreSQL. */
public abstract class PersonalDataEraserContract {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final UserId ALEX = UserId.of("alex");
    private static final UserId KIM = UserId.of("kim");

    protected abstract Stores emptyStores();

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    private void erase(Stores stores, UserId user) {
        inTransaction(() -> {
            stores.eraser().erase(user);
            return null;
        });
    }

    private void holds(Stores stores, UserId user, String inboxMessage) {
        stores.profiles().save(Profile.create(user));
        stores.pushTokens().put(new PushToken(user, user + "-token", "firebase-fcm", null, null, null, null, null, null));
        stores.lists().subscribe("news", user, Map.of(), NOW);
        inTransaction(() -> {
            stores.tenants().lockOrCreate("acme");
            stores.tenants().addMember("acme", user, NOW);
            return null;
        });
        stores.preferences().save(new TopicPreference(user, "billing", PreferenceStatus.OPTED_OUT, false, List.of()));
        stores.messages().insertAll(List.of(toUser(inboxMessage, user.value(), NOW)));
        stores.inbox().add(new InboxEntry(id(inboxMessage), user, Map.of("title", "Hi " + user), NOW, null, null, null));
    }

    /** A message that failed on email, with the address in its errors, rendered output and attempts. */
    private static Message failedWithTheAddressInItsErrors(MessageRepository messages, String id, UserId user) {
        Message message = routed(toUser(id, user.value(), NOW), NOW);
        messages.insertAll(List.of(message));
        message.providerError("0", "sendgrid", "mailbox " + user + "@example.org is full", 452, true, FailoverPolicy.Move.RETRY, NOW.plusSeconds(1));
        message.fail(MessageReason.PROVIDER_ERROR, user + "@example.org rejected the message", NOW.plusSeconds(2));
        messages.save(message);
        messages.saveOutputs(List.of(new Output(message.id(), Channel.EMAIL, Map.of("subject", "Hi Al"), NOW)));
        messages.recordAttempts(List.of(new DeliveryAttempt(message.id(), "0", Channel.EMAIL, "sendgrid", 1, AttemptOutcome.TRANSIENT,
                null, "mailbox " + user + "@example.org is full", null, NOW.plusSeconds(1))));
        return message;
    }

    @Test
    void everythingKeptAboutTheUserGoes_andOtherUsersKeepTheirs() {
        Stores stores = emptyStores();
        stores.lists().put(new SubscriptionList("news", "News", null, NOW, NOW));
        holds(stores, ALEX, "m-1");
        holds(stores, KIM, "m-2");

        erase(stores, ALEX);

        assertThat(stores.pushTokens().list(ALEX)).isEmpty();
        assertThat(stores.lists().listsOf(ALEX)).isEmpty();
        assertThat(stores.tenants().tenantsOf(ALEX, Optional.empty(), 10).items()).isEmpty();
        assertThat(stores.preferences().list(ALEX)).isEmpty();
        assertThat(stores.inbox().list(ALEX, true, Optional.empty(), 10).items()).isEmpty();

        assertThat(stores.pushTokens().list(KIM)).hasSize(1);
        assertThat(stores.lists().listsOf(KIM)).hasSize(1);
        assertThat(stores.tenants().members("acme", Optional.empty(), 10).items()).containsExactly(KIM);
        assertThat(stores.preferences().list(KIM)).hasSize(1);
        assertThat(stores.inbox().find(KIM, id("m-2"))).isPresent();
    }

    @Test
    void theUsersMessagesStayForAnalyticsWithoutWhatNamesThePerson() {
        Stores stores = emptyStores();
        MessageRepository messages = stores.messages();
        Message failed = failedWithTheAddressInItsErrors(messages, "m-1", ALEX);
        List<HistoryEntry> history = messages.history(id("m-1"));
        Message templated = withTemplate("m-2", ALEX.value(), "welcome", "r-2", NOW);
        messages.insertAll(List.of(templated));
        Message kims = failedWithTheAddressInItsErrors(messages, "m-3", KIM);

        erase(stores, ALEX);

        Message erased = messages.find(id("m-1")).orElseThrow();
        assertThat(erased.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        assertThat(erased.reason()).contains(MessageReason.PROVIDER_ERROR);
        assertThat(erased.milestones()).isEqualTo(failed.milestones());
        assertThat(erased.enqueuedAt()).isEqualTo(NOW);
        assertThat(erased.plan()).isEqualTo(failed.plan());
        assertThat(erased.error()).isEmpty();
        assertThat(erased.spec().raw()).isEqualTo(Map.of("to", Map.of("user_id", "alex"),
                "content", Map.of("title", "(erased)", "body", "(erased)")));
        assertThat(messages.history(id("m-1"))).extracting(HistoryEntry::type, HistoryEntry::at)
                .isEqualTo(history.stream().map(entry -> tuple(entry.type(), entry.at())).toList());
        assertThat(messages.history(id("m-1"))).allSatisfy(entry -> assertThat(entry.details()).doesNotContainKey("error"));
        assertThat(messages.history(id("m-1")).get(2).details()).containsEntry("provider", "sendgrid").containsEntry("status_code", 452);
        assertThat(messages.attempts(id("m-1"))).singleElement().satisfies(attempt -> {
            assertThat(attempt.error()).isNull();
            assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.TRANSIENT);
            assertThat(attempt.provider()).isEqualTo("sendgrid");
        });
        assertThat(messages.outputs(id("m-1"))).isEmpty();
        assertThat(messages.find(id("m-2")).orElseThrow().spec().raw()).isEqualTo(Map.of("to", Map.of("user_id", "alex"),
                "template", "welcome"));

        assertThat(state(messages.find(id("m-3")).orElseThrow())).isEqualTo(state(kims));
        assertThat(messages.attempts(id("m-3")).get(0).error()).isEqualTo("mailbox kim@example.org is full");
        assertThat(messages.outputs(id("m-3"))).containsOnlyKeys(Channel.EMAIL);
        assertThat(messages.history(id("m-3"))).anySatisfy(entry -> assertThat(entry.details()).containsKey("error"));
    }
}
