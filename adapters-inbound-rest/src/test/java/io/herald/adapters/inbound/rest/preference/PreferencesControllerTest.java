package io.herald.adapters.inbound.rest.preference;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingFake.Call;
import io.herald.adapters.inbound.rest.fakes.RecordingManagePreferences;
import io.herald.application.port.in.ManagePreferencesUseCase.BulkUpdate;
import io.herald.application.port.in.ManagePreferencesUseCase.Change;
import io.herald.application.port.in.ManagePreferencesUseCase.Refusal;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class PreferencesControllerTest extends ApiTest {

    private static final UserId ALEX = UserId.of("user_123");

    @Inject
    RecordingManagePreferences preferences;

    @Test
    void aUsersPreferencesAreListed() {
        preferences.know(new TopicPreference(ALEX, "orders", PreferenceStatus.OPTED_OUT, true, List.of(Channel.SMS)));

        Reply reply = api.get("/users/user_123/preferences");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"items": [{"topic_id": "orders", "topic_name": "orders", "status": "OPTED_OUT", "default_status": "OPTED_IN",
                            "has_custom_routing": true, "custom_routing": ["sms"]}],
                 "paging": {"more": false}}"""));
    }

    @Test
    void aTopicNeverChosenReadsAsTheDefault() {
        Reply reply = api.get("/users/user_123/preferences/product-news");

        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"topic": {"topic_id": "product-news", "topic_name": "product-news", "status": "OPTED_IN", "default_status": "OPTED_IN",
                           "has_custom_routing": false, "custom_routing": []}}"""));
        assertThat(preferences.onlyCall("find").arguments()).containsExactly(ALEX, Optional.empty(), "product-news");
    }

    @Test
    void aTopicIsSetWithItsCustomRouting() {
        Reply reply = api.put("/users/user_123/preferences/orders",
                "{\"topic\": {\"status\": \"OPTED_IN\", \"has_custom_routing\": true, \"custom_routing\": [\"email\", \"push\"]}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"message\": \"success\"}"));
        assertThat(preferences.onlyCall("put").arguments())
                .containsExactly(ALEX, Optional.empty(), "orders", PreferenceStatus.OPTED_IN, true, List.of(Channel.EMAIL, Channel.PUSH));
    }

    @Test
    void customRoutingWithoutTheFlagTurnsItOn() {
        api.put("/users/user_123/preferences/orders", "{\"topic\": {\"status\": \"OPTED_IN\", \"custom_routing\": [\"inbox\"]}}");

        assertThat(preferences.onlyCall("put").arguments())
                .containsExactly(ALEX, Optional.empty(), "orders", PreferenceStatus.OPTED_IN, true, List.of(Channel.INBOX));
    }

    @Test
    void aStatusAloneHasNoCustomRouting() {
        api.put("/users/user_123/preferences/orders", "{\"topic\": {\"status\": \"OPTED_OUT\"}}");

        assertThat(preferences.onlyCall("put").arguments()).containsExactly(ALEX, Optional.empty(), "orders", PreferenceStatus.OPTED_OUT, false, List.of());
    }

    @Test
    void anUnknownStatusIsRefused() {
        assertBadRequest(api.put("/users/user_123/preferences/orders", "{\"topic\": {\"status\": \"MAYBE\"}}"),
                "topic.status must be OPTED_IN, OPTED_OUT or REQUIRED");
        assertThat(preferences.calls()).isEmpty();
    }

    @Test
    void anUnknownChannelIsRefusedNamingItsIndex() {
        assertBadRequest(api.put("/users/user_123/preferences/orders",
                        "{\"topic\": {\"status\": \"OPTED_IN\", \"custom_routing\": [\"email\", \"fax\"]}}"),
                "topic.custom_routing[1] 'fax' is not a channel Herald delivers on");
        assertThat(preferences.calls()).isEmpty();
    }

    @Test
    void aBodyWithoutTopicIsRefused() {
        assertBadRequest(api.put("/users/user_123/preferences/orders", "{\"status\": \"OPTED_OUT\"}"), "topic is required and must be an object");
        assertBadRequest(api.put("/users/user_123/preferences/orders", "{\"topic\": {\"status\": \"OPTED_OUT\", \"has_custom_routing\": \"yes\"}}"),
                "topic.has_custom_routing must be true or false");
        assertThat(preferences.calls()).isEmpty();
    }

    @Test
    void deletingATopicResetsTheUsersPreferenceAndAnswersNoContent() {
        Reply reply = api.delete("/users/user_123/preferences/product-news");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(preferences.onlyCall("delete").arguments()).containsExactly(ALEX, Optional.empty(), "product-news");
    }

    @Test
    void everyPathTakesATenantScope() {
        api.get("/users/user_123/preferences?tenant_id=acme");
        api.get("/users/user_123/preferences/orders?tenant_id=acme");
        api.put("/users/user_123/preferences/orders?tenant_id=acme", "{\"topic\": {\"status\": \"OPTED_OUT\"}}");
        api.delete("/users/user_123/preferences/orders?tenant_id=acme");

        assertThat(preferences.calls()).allSatisfy(call -> assertThat(call.arguments().get(1)).isEqualTo(Optional.of("acme")));
        assertThat(preferences.calls()).extracting(Call::method).containsExactly("list", "find", "put", "delete");
        assertBadRequest(api.get("/users/user_123/preferences?tenant_id=%20"), "tenant_id must not be blank");
    }

    @Test
    void aBulkUpdateAnswersWhatItWroteAndWhyTheRestWasRefused() {
        preferences.answerBulkUpdate(new BulkUpdate(List.of(new TopicPreference(ALEX, "orders", PreferenceStatus.OPTED_OUT, false, List.of())),
                List.of(new Refusal("security", "topic 'security' is REQUIRED"))));

        Reply reply = api.post("/users/user_123/preferences?tenant_id=acme", """
                {"topics": [{"topic_id": "orders", "status": "OPTED_OUT"},
                            {"topic_id": "security", "status": "OPTED_OUT", "custom_routing": ["email"]}]}""");

        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"items": [{"topic_id": "orders", "status": "OPTED_OUT", "has_custom_routing": false, "custom_routing": []}],
                 "errors": [{"topic_id": "security", "reason": "topic 'security' is REQUIRED"}]}"""));
        assertThat(preferences.onlyCall("update").arguments()).containsExactly(ALEX, Optional.of("acme"), List.of(
                new Change("orders", PreferenceStatus.OPTED_OUT, false, List.of()),
                new Change("security", PreferenceStatus.OPTED_OUT, true, List.of(Channel.EMAIL))));
    }

    @Test
    void aBulkReplaceAnswersTheNewSet() {
        Reply reply = api.put("/users/user_123/preferences", "{\"topics\": [{\"topic_id\": \"orders\", \"status\": \"OPTED_IN\"}]}");

        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"items": [{"topic_id": "orders", "status": "OPTED_IN", "has_custom_routing": false, "custom_routing": []}]}"""));
        assertThat(preferences.onlyCall("replace").arguments().get(1)).isEqualTo(Optional.empty());
    }

    @Test
    void aMalformedBulkWriteWritesNothing() {
        assertBadRequest(api.put("/users/user_123/preferences", "{\"topics\": [{\"topic_id\": \"a\", \"status\": \"REQUIRED\"}]}"),
                "topics[0].status must be OPTED_IN or OPTED_OUT in a bulk write");
        assertBadRequest(api.post("/users/user_123/preferences", "{\"topics\": [{\"topic_id\": \"a\", \"status\": \"OPTED_IN\"}, "
                + "{\"topic_id\": \"a\", \"status\": \"OPTED_OUT\"}]}"), "topics[1].topic_id 'a' is given twice");
        String many = "{\"topics\": [" + String.join(",", IntStream.range(0, 51)
                .mapToObj(i -> "{\"topic_id\": \"t" + i + "\", \"status\": \"OPTED_IN\"}").toList()) + "]}";
        assertBadRequest(api.put("/users/user_123/preferences", many), "topics may hold at most 50 topics; it has 51");
        assertBadRequest(api.post("/users/user_123/preferences", "{}"), "topics is required and must be an array");
        assertThat(preferences.calls()).isEmpty();
    }
}
