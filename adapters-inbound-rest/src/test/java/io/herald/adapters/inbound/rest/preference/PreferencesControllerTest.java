package io.herald.adapters.inbound.rest.preference;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingManagePreferences;
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
        assertThat(preferences.onlyCall("find").arguments()).containsExactly(ALEX, "product-news");
    }

    @Test
    void aTopicIsSetWithItsCustomRouting() {
        Reply reply = api.put("/users/user_123/preferences/orders",
                "{\"topic\": {\"status\": \"OPTED_IN\", \"has_custom_routing\": true, \"custom_routing\": [\"email\", \"push\"]}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"message\": \"success\"}"));
        assertThat(preferences.onlyCall("put").arguments())
                .containsExactly(ALEX, "orders", PreferenceStatus.OPTED_IN, true, List.of(Channel.EMAIL, Channel.PUSH));
    }

    @Test
    void customRoutingWithoutTheFlagTurnsItOn() {
        api.put("/users/user_123/preferences/orders", "{\"topic\": {\"status\": \"OPTED_IN\", \"custom_routing\": [\"inbox\"]}}");

        assertThat(preferences.onlyCall("put").arguments())
                .containsExactly(ALEX, "orders", PreferenceStatus.OPTED_IN, true, List.of(Channel.INBOX));
    }

    @Test
    void aStatusAloneHasNoCustomRouting() {
        api.put("/users/user_123/preferences/orders", "{\"topic\": {\"status\": \"OPTED_OUT\"}}");

        assertThat(preferences.onlyCall("put").arguments()).containsExactly(ALEX, "orders", PreferenceStatus.OPTED_OUT, false, List.of());
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
        assertThat(preferences.onlyCall("delete").arguments()).containsExactly(ALEX, "product-news");
    }

    @Test
    void aTenantScopedDeleteIsRefusedRatherThanTakenAsTheUsersOwn() {
        assertBadRequest(api.delete("/users/user_123/preferences/product-news?tenant_id=acme"), "tenant-scoped preferences are not supported");

        assertThat(preferences.calls()).isEmpty();
    }
}
