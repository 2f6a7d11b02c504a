package io.herald.adapters.inbound.rest.profile;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingFake.Call;
import io.herald.adapters.inbound.rest.fakes.RecordingManagePreferences;
import io.herald.adapters.inbound.rest.fakes.RecordingManageProfiles;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.errors.NotFoundException;
import io.herald.domain.json.JsonPatch;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class ProfilesControllerTest extends ApiTest {

    private static final UserId ALEX = UserId.of("user_123");

    @Inject
    RecordingManageProfiles profiles;

    @Inject
    RecordingManagePreferences preferences;

    @Test
    void aProfileIsReadWithItsPreferencesInCouriersShape() {
        profiles.know(Profile.reconstitute(ALEX, Map.of("email", "alex@example.com", "plan", "pro", "address", Map.of("city", "Oslo")),
                Instant.parse("2026-03-01T08:00:00Z")));
        preferences.know(new TopicPreference(ALEX, "orders", PreferenceStatus.OPTED_OUT, true, List.of(Channel.EMAIL, Channel.PUSH)),
                TopicPreference.defaultFor(ALEX, "marketing"));

        Reply reply = api.get("/profiles/user_123");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"profile": {"email": "alex@example.com", "plan": "pro", "address": {"city": "Oslo"}},
                 "preferences": {"categories": {},
                                 "notifications": {"orders": {"status": "OPTED_OUT",
                                                              "channel_preferences": [{"channel": "email"}, {"channel": "push"}]},
                                                   "marketing": {"status": "OPTED_IN"}}}}"""));
        assertThat(profiles.onlyCall("find").arguments()).containsExactly(ALEX);
    }

    @Test
    void anUnknownProfileIsANotFound() {
        assertApiError(api.get("/profiles/ghost"), 404, "not_found", "No profile for user 'ghost'");
    }

    @Test
    void postMergesTheProfileObject() {
        Reply reply = api.post("/profiles/user_123", "{\"profile\": {\"phone_number\": \"+15555550100\", \"address\": {\"zip\": \"0150\"}}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"status\": \"SUCCESS\"}"));
        Call merge = profiles.onlyCall("merge");
        assertThat(merge.arguments()).containsExactly(ALEX, Map.of("phone_number", "+15555550100", "address", Map.of("zip", "0150")));
    }

    @Test
    void putReplacesWithTheProfileObject() {
        Reply reply = api.put("/profiles/user_123", "{\"profile\": {\"email\": \"new@example.com\"}}");

        assertThat(reply.json()).isEqualTo(Json.parse("{\"status\": \"SUCCESS\"}"));
        assertThat(profiles.onlyCall("replace").arguments()).containsExactly(ALEX, Map.of("email", "new@example.com"));
    }

    @Test
    void patchAppliesTheOperationsInOrder() {
        Reply reply = api.patch("/profiles/user_123", """
                {"patch": [{"op": "replace", "path": "/plan", "value": "enterprise"},
                           {"op": "remove", "path": "/legacy_id"},
                           {"op": "copy", "from": "/email", "path": "/billing_email"}]}""");

        assertThat(reply.json()).isEqualTo(Json.parse("{\"status\": \"SUCCESS\"}"));
        Call patch = profiles.onlyCall("patch");
        assertThat(patch.argument(0, UserId.class)).isEqualTo(ALEX);
        List<JsonPatch.Operation> operations = patch.argument(1, JsonPatch.class).operations();
        assertThat(operations).extracting(JsonPatch.Operation::op).containsExactly("replace", "remove", "copy");
        assertThat(operations.get(0).value()).isEqualTo("enterprise");
    }

    @Test
    void deleteAnswersNoContent() {
        Reply reply = api.delete("/profiles/user_123");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(profiles.onlyCall("delete").arguments()).containsExactly(ALEX);
    }

    @Test
    void patchingOrDeletingAProfileThereIsNotIsANotFound() {
        profiles.failWith(new NotFoundException("No profile for user 'nobody'"));

        assertApiError(api.patch("/profiles/nobody", "{\"patch\": []}"), 404, "not_found", "No profile for user 'nobody'");
        assertApiError(api.delete("/profiles/nobody"), 404, "not_found", "No profile for user 'nobody'");
        assertThat(profiles.calls()).extracting(Call::method).containsExactly("patch", "delete");
    }

    @Test
    void theUserIdIsReadDecodedFromThePath() {
        api.post("/profiles/alex%2Btest%40example.com", "{\"profile\": {\"plan\": \"free\"}}");

        assertThat(profiles.onlyCall("merge").argument(0, UserId.class)).isEqualTo(UserId.of("alex+test@example.com"));
    }

    @Test
    void aMergeWithoutAProfileObjectIsRefused() {
        assertBadRequest(api.post("/profiles/user_123", "{\"email\": \"alex@example.com\"}"), "profile is required and must be an object");
        assertBadRequest(api.put("/profiles/user_123", "{\"profile\": \"alex@example.com\"}"), "profile must be an object");
        assertThat(profiles.calls()).isEmpty();
    }

    @Test
    void aPatchWithoutOperationsIsRefused() {
        assertBadRequest(api.patch("/profiles/user_123", "{\"profile\": {}}"), "patch is required and must be an array of operations");
        assertBadRequest(api.patch("/profiles/user_123", "{\"patch\": {}}"), "patch must be an array");
        assertThat(profiles.calls()).isEmpty();
    }

    @Test
    void aMalformedPatchOperationIsRefusedNamingItsIndex() {
        Reply reply = api.patch("/profiles/user_123", """
                {"patch": [{"op": "add", "path": "/a", "value": 1}, {"op": "upsert", "path": "/b"}]}""");

        assertBadRequest(reply, "patch[1].op must be one of add, remove, replace, move, copy, test");
        assertThat(profiles.calls()).isEmpty();
    }

    @Test
    void aBlankUserIdIsRefused() {
        assertBadRequest(api.get("/profiles/%20"), "user_id must be 1 to 512 characters");
        assertThat(profiles.calls()).isEmpty();
    }

    @Test
    void aUserIdLongerThan512CharactersIsRefused() {
        assertBadRequest(api.post("/profiles/" + "u".repeat(513), "{\"profile\": {}}"), "user_id must be 1 to 512 characters");
        assertThat(profiles.calls()).isEmpty();
    }
}
