package io.herald.adapters.inbound.rest.tenant;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingFake.Call;
import io.herald.adapters.inbound.rest.fakes.RecordingTenants;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.port.Page;
import io.herald.domain.preference.DefaultPreference;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.tenant.Tenant;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class TenantsControllerTest extends ApiTest {

    private static final Tenant INITECH = new Tenant("0e8c78ea9d97a7b8185e8632", "Initech",
            Map.of("industry", "Technology", "employees", 329));

    @Inject
    RecordingTenants tenants;

    @Test
    void aTenantIsReadWithItsProperties() {
        tenants.know(INITECH);

        Reply reply = api.get("/tenants/0e8c78ea9d97a7b8185e8632");

        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"id": "0e8c78ea9d97a7b8185e8632", "name": "Initech", "brand_id": null, "parent_tenant_id": null,
                 "default_preferences": null, "properties": {"industry": "Technology", "employees": 329}, "user_profile": null}"""));
    }

    @Test
    void aTenantIsPutWithEveryCourierFieldAndAnsweredAsStored() {
        Reply reply = api.put("/tenants/acme-eu", """
                {"name": "Acme EU", "brand_id": "brand-blue", "parent_tenant_id": "acme",
                 "default_preferences": {"items": [{"id": "billing", "status": "REQUIRED"},
                                                   {"id": "digest", "status": "OPTED_OUT", "custom_routing": ["email"]}]},
                 "properties": {"region": "eu"}, "user_profile": {"locale": "fr-FR"}}""");

        assertThat(reply.status()).isEqualTo(200);
        Tenant put = (Tenant) tenants.onlyCall("put").arguments().get(0);
        assertThat(put.parentTenantId()).contains("acme");
        assertThat(put.defaultFor("digest").orElseThrow().customRouting()).containsExactly(Channel.EMAIL);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"id": "acme-eu", "name": "Acme EU", "brand_id": "brand-blue", "parent_tenant_id": "acme",
                 "default_preferences": {"items": [
                     {"id": "billing", "status": "REQUIRED", "has_custom_routing": false, "custom_routing": []},
                     {"id": "digest", "status": "OPTED_OUT", "has_custom_routing": true, "custom_routing": ["email"]}]},
                 "properties": {"region": "eu"}, "user_profile": {"locale": "fr-FR"}}"""));
    }

    @Test
    void aTenantWithoutANameOrWithABadDefaultIsRefusedAndNothingIsPut() {
        assertBadRequest(api.put("/tenants/acme", "{\"properties\": {}}"), "name is required and must be a non-empty string");
        assertBadRequest(api.put("/tenants/acme", "{\"name\": \"Acme\", \"default_preferences\": {\"items\": [{\"id\": \"x\", \"status\": \"MAYBE\"}]}}"),
                "default_preferences.items[0].status must be OPTED_IN, OPTED_OUT or REQUIRED");
        assertBadRequest(api.put("/tenants/acme", "{\"name\": \"Acme\", \"parent_tenant_id\": \"acme\"}"), "a tenant cannot be its own parent");
        assertBadRequest(api.put("/tenants/acme", "{\"name\": \"Acme\", \"plan\": \"pro\"}"), "plan");
        assertThat(tenants.calls()).isEmpty();
    }

    @Test
    void tenantsAreListedByParentInCouriersEnvelope() {
        tenants.answerList(new Page<>(List.of(INITECH), "c9"));

        Reply reply = api.get("/tenants?parent_tenant_id=acme&limit=1");

        assertThat(tenants.onlyCall("list").arguments()).containsExactly(Optional.of("acme"), Optional.empty(), 1);
        assertThat(reply.at("items.0.name")).isEqualTo("Initech");
        assertThat(reply.at("has_more")).isEqualTo(true);
        assertThat(reply.at("type")).isEqualTo("list");
        assertThat(reply.at("next_url")).isEqualTo("/tenants?cursor=c9");
    }

    @Test
    void aTenantIsDeletedAndAnUnknownOneIsANotFound() {
        tenants.know(INITECH);

        assertThat(api.delete("/tenants/0e8c78ea9d97a7b8185e8632").status()).isEqualTo(204);
        assertApiError(api.delete("/tenants/0e8c78ea9d97a7b8185e8632"), 404, "not_found", "No tenant '0e8c78ea9d97a7b8185e8632'");
    }

    @Test
    void aUserJoinsSeveralTenantsWithTheirProfilesAtOnce() {
        Reply reply = api.put("/users/alex/tenants", """
                {"tenants": [{"tenant_id": "acme", "profile": {"title": "CTO"}, "user_id": "alex", "type": "user"},
                             {"tenant_id": "globex"}]}""");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(tenants.onlyCall("join").arguments()).containsExactly(UserId.of("alex"),
                Map.of("acme", Map.of("title", "CTO"), "globex", Map.of()));
    }

    @Test
    void aMembershipForAnotherUserOrATenantGivenTwiceJoinsNone() {
        assertBadRequest(api.put("/users/alex/tenants", "{\"tenants\": [{\"tenant_id\": \"acme\", \"user_id\": \"kim\"}]}"),
                "tenants[0].user_id 'kim' is not the user of the path, 'alex'");
        assertBadRequest(api.put("/users/alex/tenants", "{\"tenants\": [{\"tenant_id\": \"acme\"}, {\"tenant_id\": \"acme\"}]}"),
                "tenants[1].tenant_id 'acme' is given twice");
        assertBadRequest(api.put("/users/alex/tenants", "{\"tenants\": [{\"profile\": {}}]}"),
                "tenants[0].tenant_id is required and must be a non-empty string");
        assertThat(tenants.calls()).isEmpty();
    }

    @Test
    void aUserJoinsOneTenantWithOrWithoutABodyAndLeavesOneOrAll() {
        assertThat(api.put("/users/alex/tenants/acme", "{\"profile\": {\"title\": \"CTO\"}}").status()).isEqualTo(204);
        assertThat(api.put("/users/alex/tenants/globex", "").status()).isEqualTo(204);
        assertThat(api.delete("/users/alex/tenants/acme").status()).isEqualTo(204);
        assertThat(api.delete("/users/alex/tenants").status()).isEqualTo(204);

        assertThat(tenants.calls()).extracting(Call::method).containsExactly("join", "join", "leave", "leaveAll");
        assertThat(tenants.calls().get(0).arguments()).containsExactly(UserId.of("alex"), Map.of("acme", Map.of("title", "CTO")));
        assertThat(tenants.calls().get(1).arguments()).containsExactly(UserId.of("alex"), Map.of("globex", Map.of()));
        assertThat(tenants.calls().get(2).arguments()).containsExactly(UserId.of("alex"), "acme");
    }

    @Test
    void anUnknownTenantIsANotFound() {
        assertApiError(api.get("/tenants/nobody"), 404, "not_found", "No tenant 'nobody'");
        assertApiError(api.get("/tenants/nobody/users"), 404, "not_found", "No tenant 'nobody'");
        assertThat(tenants.calls()).extracting(Call::method).containsExactly("find", "find");
    }

    @Test
    void aTenantsMembersAreListedInCouriersEnvelope() {
        tenants.know(INITECH);
        tenants.answerMembers(new Page<>(List.of(UserId.of("userId123"), UserId.of("user_456")), "c2"));

        Reply reply = api.get("/tenants/0e8c78ea9d97a7b8185e8632/users?cursor=c1&limit=2");

        assertThat(tenants.calls().get(1).arguments()).containsExactly("0e8c78ea9d97a7b8185e8632", Optional.of("c1"), 2);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"items": [{"tenant_id": "0e8c78ea9d97a7b8185e8632", "user_id": "userId123", "type": "user"},
                           {"tenant_id": "0e8c78ea9d97a7b8185e8632", "user_id": "user_456", "type": "user"}],
                 "has_more": true, "type": "list", "url": "/tenants/0e8c78ea9d97a7b8185e8632/users", "cursor": "c2",
                 "next_url": "/tenants/0e8c78ea9d97a7b8185e8632/users?cursor=c2"}"""));
    }

    @Test
    void aUsersTenantsAreListedAndTheLastPageHasNoNextUrl() {
        tenants.answerTenantsOf(new Page<>(List.of("0e8c78ea9d97a7b8185e8632"), null));

        Reply reply = api.get("/users/userId123/tenants");

        assertThat(tenants.onlyCall("tenantsOf").arguments()).containsExactly(UserId.of("userId123"), Optional.empty(), 20);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"items": [{"tenant_id": "0e8c78ea9d97a7b8185e8632", "user_id": "userId123", "type": "user"}],
                 "has_more": false, "type": "list", "url": "/users/userId123/tenants", "cursor": null, "next_url": null}"""));
    }

    @Test
    void aLimitOutsideOneToAHundredIsRefused() {
        assertBadRequest(api.get("/users/userId123/tenants?limit=0"), "limit must be between 1 and 100");
        assertThat(tenants.calls()).isEmpty();
    }

    @Test
    void aTenantsDefaultForOneTopicIsSetAndRemoved() {
        assertThat(api.put("/tenants/acme/default_preferences/items/digest", "{\"status\": \"OPTED_OUT\", \"custom_routing\": [\"inbox\"]}")
                .status()).isEqualTo(204);
        assertThat(api.delete("/tenants/acme/default_preferences/items/digest").status()).isEqualTo(204);

        assertThat(tenants.calls().get(0).arguments()).containsExactly("acme",
                new DefaultPreference("digest", PreferenceStatus.OPTED_OUT, true, List.of(Channel.INBOX)));
        assertThat(tenants.calls().get(1).arguments()).containsExactly("acme", "digest");
        assertBadRequest(api.put("/tenants/acme/default_preferences/items/digest", "{\"status\": \"SOMETIMES\"}"),
                "status must be OPTED_IN, OPTED_OUT or REQUIRED");
    }
}
