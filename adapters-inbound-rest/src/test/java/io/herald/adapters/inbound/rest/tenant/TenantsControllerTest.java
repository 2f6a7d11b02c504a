package io.herald.adapters.inbound.rest.tenant;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingFake.Call;
import io.herald.adapters.inbound.rest.fakes.RecordingQueryTenants;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.port.Page;
import io.herald.domain.profile.UserId;
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
    RecordingQueryTenants tenants;

    @Test
    void aTenantIsReadWithItsProperties() {
        tenants.know(INITECH);

        Reply reply = api.get("/tenants/0e8c78ea9d97a7b8185e8632");

        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"id": "0e8c78ea9d97a7b8185e8632", "name": "Initech", "properties": {"industry": "Technology", "employees": 329}}"""));
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
}
