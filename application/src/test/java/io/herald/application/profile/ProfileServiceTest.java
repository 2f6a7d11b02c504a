package io.herald.application.profile;

import io.herald.application.errors.NotFoundException;
import io.herald.application.fakes.InMemoryStores;
import io.herald.domain.json.JsonPatch;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Courier's Profiles and user tokens APIs: merge, replace and patch; erasure of everything kept about a user. */
class ProfileServiceTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final UserId ALEX = UserId.of("alex");

    private final InMemoryStores stores = InMemoryStores.empty();
    private final ProfileService profiles = new ProfileService(stores.profiles(), stores.pushTokens(), stores.eraser());

    private static PushToken token(String token) {
        return new PushToken(ALEX, token, "firebase-fcm", null, null, null, null, null, null);
    }

    @Test
    void mergeCreatesTheProfileAndDeepMergesReplaceSetsExactlyTheAttributes() {
        profiles.merge(ALEX, Map.of("email", "alex@example.org", "address", Map.of("city", "Lyon", "zip", "69001")));
        profiles.merge(ALEX, Map.of("address", Map.of("city", "Paris")));

        assertThat(profiles.find(ALEX).orElseThrow().attributes())
                .isEqualTo(Map.of("email", "alex@example.org", "address", Map.of("city", "Paris", "zip", "69001")));

        profiles.replace(ALEX, Map.of("phone_number", "+15550100"));

        assertThat(profiles.find(ALEX).orElseThrow().attributes()).isEqualTo(Map.of("phone_number", "+15550100"));
    }

    @Test
    void aPatchAppliesAllOrNothingToAnExistingProfile() {
        profiles.merge(ALEX, Map.of("plan", "free", "seats", 1));

        profiles.patch(ALEX, JsonPatch.of(List.of(Map.of("op", "replace", "path", "/plan", "value", "pro"),
                Map.of("op", "remove", "path", "/seats"))));
        assertThat(profiles.find(ALEX).orElseThrow().attributes()).isEqualTo(Map.of("plan", "pro"));

        assertThatThrownBy(() -> profiles.patch(ALEX, JsonPatch.of(List.of(Map.of("op", "replace", "path", "/plan", "value", "team"),
                Map.of("op", "remove", "path", "/missing"))))).isInstanceOf(InvalidValueException.class);
        assertThat(profiles.find(ALEX).orElseThrow().attributes()).as("nothing of a failed patch").isEqualTo(Map.of("plan", "pro"));
        assertThatThrownBy(() -> profiles.patch(UserId.of("nobody"), JsonPatch.of(List.of(Map.of("op", "remove", "path", "/plan")))))
                .isInstanceOf(NotFoundException.class).hasMessage("No profile for user 'nobody'");
        assertThat(profiles.find(UserId.of("nobody"))).as("a patch creates no profile").isEmpty();
    }

    @Test
    void aPatchWhoseTestFailsIsRefusedNamingTheOperationAndChangesNothing() {
        profiles.merge(ALEX, Map.of("name", "Alex"));

        assertThatThrownBy(() -> profiles.patch(ALEX, JsonPatch.of(List.of(Map.of("op", "replace", "path", "/name", "value", "Changed"),
                Map.of("op", "test", "path", "/name", "value", "Alex"))))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("patch[1]").hasMessageContaining("test failed");
        assertThat(profiles.find(ALEX).orElseThrow().attributes()).isEqualTo(Map.of("name", "Alex"));
    }

    @Test
    void deletingAProfileErasesWhatHangsOffItButKeepsItsMessagesForAnalytics() {
        profiles.merge(ALEX, Map.of("email", "alex@example.org"));
        profiles.put(token("fcm-1"));
        stores.lists().put(new SubscriptionList("beta", "Beta", null, START, START));
        stores.lists().subscribe("beta", ALEX, Map.of(), START);
        MessageId sent = new MessageId("msg-1");
        stores.messages().insertAll(List.of(Message.enqueue(sent, sent.value(), MessageSpec.parse(Map.of("to", Map.of("user_id", "alex",
                "email", "alex@example.org"), "content", Map.of("title", "Hi", "body", "Secret"))), Optional.empty(), Optional.empty(), START)));

        profiles.delete(ALEX);

        assertThat(profiles.find(ALEX)).isEmpty();
        assertThat(profiles.list(ALEX)).isEmpty();
        assertThat(stores.lists().listsOf(ALEX)).isEmpty();
        Message kept = stores.messages().find(sent).orElseThrow();
        assertThat(kept.recipient().email()).isEmpty();
        assertThat(kept.spec().raw().toString()).doesNotContain("Secret");
        assertThatThrownBy(() -> profiles.delete(ALEX)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void pushTokensArePutListedAndDeleted() {
        profiles.put(token("fcm-1"));
        profiles.put(token("fcm-2"));

        assertThat(profiles.list(ALEX)).extracting(PushToken::token).containsExactly("fcm-1", "fcm-2");
        assertThat(profiles.find(ALEX, "fcm-2")).isPresent();

        profiles.delete(ALEX, "fcm-1");

        assertThat(profiles.list(ALEX)).extracting(PushToken::token).containsExactly("fcm-2");
        assertThatThrownBy(() -> profiles.delete(ALEX, "fcm-1")).isInstanceOf(NotFoundException.class)
                .hasMessage("User 'alex' has no token 'fcm-1'");
    }
}
