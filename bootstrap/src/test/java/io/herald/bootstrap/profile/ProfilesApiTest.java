package io.herald.bootstrap.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Courier's Profiles and user tokens APIs, over HTTP, on PostgreSQL. */
@MicronautTest(transactional = false)
class ProfilesApiTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    private Http api;

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = Http.to(server.getURI()).withApiKey(API_KEY);
    }

    private JsonNode profile(String userId) {
        var response = api.get("/profiles/" + userId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("profile");
    }

    @Test
    void postMergesDeeplyAndPutReplaces() {
        assertThat(api.post("/profiles/alex", "{\"profile\": {\"email\": \"a@example.org\", \"address\": {\"city\": \"Lisbon\"}}}").json()
                .path("status").asText()).isEqualTo("SUCCESS");
        api.post("/profiles/alex", "{\"profile\": {\"address\": {\"zip\": \"1000\"}, \"plan\": \"pro\"}}");

        JsonNode merged = profile("alex");
        assertThat(merged.path("email").asText()).isEqualTo("a@example.org");
        assertThat(merged.path("address").path("city").asText()).isEqualTo("Lisbon");
        assertThat(merged.path("address").path("zip").asText()).isEqualTo("1000");

        assertThat(api.put("/profiles/alex", "{\"profile\": {\"phone_number\": \"+351900000000\"}}").status()).isEqualTo(200);
        JsonNode replaced = profile("alex");
        assertThat(replaced.has("email")).isFalse();
        assertThat(replaced.path("phone_number").asText()).isEqualTo("+351900000000");
    }

    @Test
    void getAnswersCouriersShapeAnd404ForAnUnknownUser() {
        api.post("/profiles/alex", "{\"profile\": {\"email\": \"a@example.org\"}}");

        JsonNode body = api.get("/profiles/alex").json();
        assertThat(body.has("profile")).isTrue();
        assertThat(body.has("preferences")).isTrue();
        var missing = api.get("/profiles/nobody");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("type").asText()).isEqualTo("not_found");
    }

    @Test
    void patchAppliesEveryRfc6902Operation() {
        api.post("/profiles/alex", "{\"profile\": {\"name\": \"Alex\", \"tags\": [\"a\", \"b\"], \"address\": {\"city\": \"Lisbon\"}}}");

        var response = api.patch("/profiles/alex", """
                {"patch": [
                  {"op": "add", "path": "/plan", "value": "pro"},
                  {"op": "remove", "path": "/tags/0"},
                  {"op": "replace", "path": "/name", "value": "Alex Chen"},
                  {"op": "move", "from": "/address/city", "path": "/city"},
                  {"op": "copy", "from": "/name", "path": "/display_name"},
                  {"op": "test", "path": "/city", "value": "Lisbon"}
                ]}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode patched = profile("alex");
        assertThat(patched.path("plan").asText()).isEqualTo("pro");
        assertThat(patched.path("tags").size()).isEqualTo(1);
        assertThat(patched.path("name").asText()).isEqualTo("Alex Chen");
        assertThat(patched.path("display_name").asText()).isEqualTo("Alex Chen");
        assertThat(patched.path("city").asText()).isEqualTo("Lisbon");
        assertThat(patched.path("address").isEmpty()).isTrue();
    }

    @Test
    void anInvalidPatchIs400NamingTheOperationAndChangesNothing() {
        api.post("/profiles/alex", "{\"profile\": {\"name\": \"Alex\"}}");

        var failedTest = api.patch("/profiles/alex", """
                {"patch": [{"op": "replace", "path": "/name", "value": "Changed"}, {"op": "test", "path": "/name", "value": "Alex"}]}""");
        var badOp = api.patch("/profiles/alex", "{\"patch\": [{\"op\": \"merge\", \"path\": \"/x\", \"value\": 1}]}");
        var notAnArray = api.patch("/profiles/alex", "{\"patch\": {}}");

        assertThat(failedTest.status()).isEqualTo(400);
        assertThat(failedTest.json().path("message").asText()).contains("patch[1]").contains("test failed");
        assertThat(badOp.json().path("message").asText()).contains("patch[0].op");
        assertThat(notAnArray.status()).isEqualTo(400);
        assertThat(profile("alex").path("name").asText()).isEqualTo("Alex");
        assertThat(api.patch("/profiles/nobody", "{\"patch\": []}").status()).isEqualTo(404);
    }

    @Test
    void badBodiesAre400NamingTheField() {
        var noProfile = api.post("/profiles/alex", "{\"traits\": {}}");
        var notAnObject = api.put("/profiles/alex", "{\"profile\": [1]}");

        assertThat(noProfile.status()).isEqualTo(400);
        assertThat(noProfile.json().path("message").asText()).isEqualTo("profile is required and must be an object");
        assertThat(notAnObject.json().path("message").asText()).isEqualTo("profile must be an object");
        assertThat(Sql.count("SELECT count(*) FROM profiles")).isZero();
    }

    @Test
    void deleteRemovesTheProfileAndItsTokens() {
        api.post("/profiles/alex", "{\"profile\": {\"name\": \"Alex\"}}");
        api.put("/users/alex/tokens/device-1", "{\"provider_key\": \"firebase-fcm\"}");

        assertThat(api.delete("/profiles/alex").status()).isEqualTo(204);
        assertThat(api.get("/profiles/alex").status()).isEqualTo(404);
        assertThat(api.get("/users/alex/tokens").json().path("tokens")).isEmpty();
        assertThat(api.delete("/profiles/alex").status()).isEqualTo(404);
    }

    @Test
    void pushTokensCanBePutReadListedAndDeleted() {
        var put = api.put("/users/alex/tokens/fcm-token-1", """
                {"provider_key": "firebase-fcm", "device": {"platform": "android", "model": "Pixel"},
                 "expiry_date": "2027-01-01T00:00:00Z", "properties": {"app": "main"}}""");
        api.put("/users/alex/tokens/fcm-token-2", "{\"provider_key\": \"firebase-fcm\", \"expiry_date\": false}");

        assertThat(put.status()).isEqualTo(204);
        JsonNode token = api.get("/users/alex/tokens/fcm-token-1").json();
        assertThat(token.path("provider_key").asText()).isEqualTo("firebase-fcm");
        assertThat(token.path("device").path("model").asText()).isEqualTo("Pixel");
        assertThat(token.path("expiry_date").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(token.path("status").asText()).isEqualTo("active");
        assertThat(api.get("/users/alex/tokens/fcm-token-2").json().path("expiry_date").asBoolean(true)).isFalse();
        assertThat(Http.texts(api.get("/users/alex/tokens").json().path("tokens"), "token"))
                .containsExactly("fcm-token-1", "fcm-token-2");

        assertThat(api.delete("/users/alex/tokens/fcm-token-1").status()).isEqualTo(204);
        assertThat(api.get("/users/alex/tokens/fcm-token-1").status()).isEqualTo(404);
    }

    @Test
    void badTokensAre400() {
        var badProvider = api.put("/users/alex/tokens/t", "{\"provider_key\": \"carrier-pigeon\"}");
        var badExpiry = api.put("/users/alex/tokens/t", "{\"provider_key\": \"apn\", \"expiry_date\": \"soon\"}");
        var mismatch = api.put("/users/alex/tokens/t", "{\"provider_key\": \"apn\", \"token\": \"other\"}");

        assertThat(badProvider.json().path("message").asText()).contains("provider_key");
        assertThat(badExpiry.json().path("message").asText()).contains("expiry_date");
        assertThat(mismatch.json().path("message").asText()).contains("must match");
        assertThat(Sql.count("SELECT count(*) FROM push_tokens")).isZero();
    }

    @Test
    void unknownTenantsAre404() {
        assertThat(api.get("/tenants/nope").status()).isEqualTo(404);
        assertThat(api.get("/tenants/nope/users").status()).isEqualTo(404);
        assertThat(api.get("/users/nobody/tenants").json().path("items")).isEmpty();
    }
}
