package io.herald.bootstrap.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Fixtures;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every fixture payload, posted raw to the destination webhook and to the Tracking API, ends up as profiles,
 * tenants and inbound events in PostgreSQL, read back through the API.
 */
@MicronautTest(transactional = false)
class SegmentInboundTest implements HeraldTest {

    private static final String WRITE_KEY = "segment-write-key";

    @Inject
    EmbeddedServer server;

    private Http api;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("herald.auth.write-keys", WRITE_KEY);
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = Http.to(server.getURI()).withApiKey(API_KEY);
    }

    private void awaitProcessed() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Sql.count("SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'") == 0);
    }

    @Test
    void identifyFixtureCreatesAProfileWithTheMappedEmail() {
        var response = api.post("/segment", Fixtures.segment("identify.json"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("success").asBoolean()).isTrue();
        awaitProcessed();
        JsonNode profile = api.get("/profiles/rod-test").json().path("profile");
        assertThat(profile.path("email").asText()).isEqualTo("test@example.org");
        assertThat(profile.path("trait1").asInt()).isEqualTo(2);
    }

    @Test
    void identifyWithChannelTraitsMapsPhoneAndKeepsNestedTraits() {
        assertThat(api.post("/v1/identify", Fixtures.segment("identify-channels.json")).status()).isEqualTo(200);
        awaitProcessed();

        JsonNode profile = api.get("/profiles/userId123").json().path("profile");
        assertThat(profile.path("email").asText()).isEqualTo("carrier.pigeon@example.com");
        assertThat(profile.path("phone_number").asText()).isEqualTo("+1-123-555-7890");
        assertThat(profile.path("order_completed_last_30days").asBoolean()).isTrue();
        assertThat(profile.path("tokens").path("slackToken").asText()).isEqualTo("xoxb-redacted");
    }

    @Test
    void aTrackCarryingAnEmailAndContextTraitsFillsTheProfile() {
        assertThat(api.post("/v1/track", """
                {"userId": "blog-reader", "event": "Signed Up", "messageId": "blog-1", "email": "reader@example.org",
                 "context": {"traits": {"name": "Blog Reader", "phone": "+15550177"}}}""").status()).isEqualTo(200);
        awaitProcessed();

        JsonNode profile = api.get("/profiles/blog-reader").json().path("profile");
        assertThat(profile.path("email").asText()).isEqualTo("reader@example.org");
        assertThat(profile.path("phone_number").asText()).isEqualTo("+15550177");
        assertThat(profile.path("name").asText()).isEqualTo("Blog Reader");
    }

    @Test
    void anAliasMergesTheVisitorIntoTheUserOnce() {
        assertThat(api.post("/v1/identify", "{\"anonymousId\": \"anon-7\", \"messageId\": \"al-1\", "
                + "\"traits\": {\"email\": \"visitor@example.org\", \"plan\": \"trial\", \"theme\": \"dark\"}}").status()).isEqualTo(200);
        awaitProcessed();
        assertThat(api.put("/users/anon-7/tokens/browser-1", "{\"provider_key\": \"firebase-fcm\"}").status()).isBetween(200, 204);
        assertThat(api.put("/lists/beta", "{\"name\": \"Beta\"}").status()).isBetween(200, 204);
        assertThat(api.put("/lists/beta/subscriptions/anon-7", "{}").status()).isBetween(200, 204);
        assertThat(api.post("/v1/identify", "{\"userId\": \"kim\", \"messageId\": \"al-2\", \"traits\": {\"plan\": \"pro\"}}").status())
                .isEqualTo(200);
        awaitProcessed();

        String alias = "{\"type\": \"alias\", \"previousId\": \"anon-7\", \"userId\": \"kim\", \"messageId\": \"al-3\"}";
        assertThat(api.post("/v1/alias", alias).status()).isEqualTo(200);
        awaitProcessed();

        JsonNode profile = api.get("/profiles/kim").json().path("profile");
        assertThat(profile.path("email").asText()).as("the visitor's").isEqualTo("visitor@example.org");
        assertThat(profile.path("plan").asText()).as("the user's own wins").isEqualTo("pro");
        assertThat(api.get("/users/kim/tokens").body()).contains("browser-1");
        assertThat(api.get("/lists/beta/subscriptions").body()).contains("kim").doesNotContain("anon-7");
        assertThat(api.get("/profiles/anon-7").status()).isEqualTo(404);

        assertThat(api.post("/v1/alias", alias.replace("al-3", "al-4")).status()).as("again").isEqualTo(200);
        awaitProcessed();
        assertThat(api.get("/profiles/kim").json().path("profile").path("plan").asText()).isEqualTo("pro");
    }

    @Test
    void groupFixtureCreatesTheTenantAndTheMembership() {
        assertThat(api.post("/segment", Fixtures.segment("group.json")).status()).isEqualTo(200);
        awaitProcessed();

        JsonNode tenant = api.get("/tenants/0e8c78ea9d97a7b8185e8632").json();
        assertThat(tenant.path("name").asText()).isEqualTo("Initech");
        assertThat(tenant.path("properties").path("employees").asInt()).isEqualTo(329);
        assertThat(tenant.path("properties").path("total billed").asInt()).isEqualTo(830);
        JsonNode members = api.get("/tenants/0e8c78ea9d97a7b8185e8632/users").json();
        assertThat(members.path("items").get(0).path("user_id").asText()).isEqualTo("userId123");
        assertThat(members.path("has_more").asBoolean()).isFalse();
        JsonNode tenantsOfUser = api.get("/users/userId123/tenants").json();
        assertThat(tenantsOfUser.path("items").get(0).path("tenant_id").asText()).isEqualTo("0e8c78ea9d97a7b8185e8632");
    }

    @Test
    void trackFixturesAreLoggedAsUnmappedEventsAndRefreshActivity() {
        assertThat(api.post("/v1/track", Fixtures.segment("track.json")).status()).isEqualTo(200);
        assertThat(api.post("/segment", Fixtures.segment("track-order-completed.json")).status()).isEqualTo(200);
        awaitProcessed();

        JsonNode events = api.get("/inbound/events?status=UNMAPPED").json().path("results");
        assertThat(events).hasSize(2);
        assertThat(Http.texts(events, "event")).containsExactlyInAnyOrder(
                "track/Segment Test Event Name", "track/Order Completed");
        JsonNode order = events.get(0).path("event").asText().equals("track/Order Completed") ? events.get(0) : events.get(1);
        assertThat(order.path("messageId").asText()).isEqualTo("order-completed-78912");
        assertThat(order.path("payload").path("properties").path("total").asDouble()).isEqualTo(149.99);
        assertThat(order.path("triggered").path("messages")).isEmpty();
        assertThat(Sql.text("SELECT last_active_at::text FROM profiles WHERE user_id = 'user_123'"))
                .startsWith("2025-12-10 14:00:00");
        assertThat(api.get("/profiles/test-user-cqw3gr").status()).as("an unknown recipient gets a profile").isEqualTo(200);
    }

    @Test
    void batchFixtureIsProcessedInOrder() {
        assertThat(api.post("/v1/batch", Fixtures.segment("batch.json")).status()).isEqualTo(200);
        awaitProcessed();

        JsonNode profile = api.get("/profiles/user_123").json().path("profile");
        assertThat(profile.path("email").asText()).isEqualTo("alex@example.com");
        assertThat(profile.path("phone_number").asText()).isEqualTo("+15555555555");
        JsonNode all = api.get("/inbound/events").json().path("results");
        assertThat(Http.texts(all, "status")).containsExactlyInAnyOrder("PROCESSED", "UNMAPPED", "PROCESSED");
        assertThat(Http.texts(all, "type")).containsExactlyInAnyOrder("identify", "track", "page");
        assertThat(all.get(0).path("payload").path("context").path("library").path("name").asText())
                .as("the batch's context applies to each event").isEqualTo("analytics-node");
    }

    @Test
    void everyFixtureIsAcceptedByEveryDoor() {
        for (String fixture : new String[] {"identify.json", "identify-channels.json", "group.json", "track.json", "track-order-completed.json"}) {
            String type = fixture.substring(0, fixture.indexOf('.')).replace("-channels", "").replace("-order-completed", "");
            assertThat(api.post("/segment", Fixtures.segment(fixture)).status()).as("/segment " + fixture).isEqualTo(200);
            assertThat(api.post("/v1/" + type, Fixtures.segment(fixture)).status()).as("/v1/" + type + " " + fixture).isEqualTo(200);
        }
        awaitProcessed();
        assertThat(Sql.count("SELECT count(*) FROM inbound_events")).as("the second door's copy is a duplicate").isEqualTo(5);
        assertThat(Sql.count("SELECT count(*) FROM inbound_events WHERE status = 'FAILED'")).isZero();
    }

    @Test
    void replayingEventsAcknowledgesThemButProcessesThemOnce() {
        String batch = Fixtures.segment("batch.json");
        assertThat(api.post("/v1/batch", batch).status()).isEqualTo(200);
        awaitProcessed();
        String processedAt = Sql.text("SELECT processed_at::text FROM inbound_events WHERE message_id = 'batch-0002'");

        assertThat(api.post("/v1/batch", batch).status()).isEqualTo(200);
        assertThat(api.post("/segment", Fixtures.segment("track-order-completed.json")).status()).isEqualTo(200);
        assertThat(api.post("/segment", Fixtures.segment("track-order-completed.json")).status()).isEqualTo(200);
        awaitProcessed();

        assertThat(Sql.count("SELECT count(*) FROM inbound_events")).isEqualTo(4);
        assertThat(Sql.text("SELECT processed_at::text FROM inbound_events WHERE message_id = 'batch-0002'")).isEqualTo(processedAt);
    }

    @Test
    void segmentClientsAuthenticateWithBasicBearerOrWriteKey() {
        String identify = Fixtures.segment("identify.json");
        String basic = "Basic " + Base64.getEncoder().encodeToString((API_KEY + ":").getBytes(StandardCharsets.UTF_8));
        Http anonymous = Http.to(server.getURI());

        assertThat(anonymous.send("POST", "/v1/identify", identify, Map.of("Content-Type", "application/json", "Authorization", basic)).status()).isEqualTo(200);
        assertThat(anonymous.send("POST", "/segment", identify, Map.of("Content-Type", "application/json", "Authorization", basic)).status()).isEqualTo(200);
        assertThat(anonymous.post("/v1/identify", identify.replaceFirst("\\{", "{\"writeKey\": \"" + API_KEY + "\",")).status()).isEqualTo(200);
        assertThat(anonymous.post("/v1/batch", "{\"writeKey\": \"" + API_KEY + "\", \"batch\": [" + identify + "]}").status()).isEqualTo(200);
        awaitProcessed();
        assertThat(Sql.text("SELECT payload::text FROM inbound_events")).as("the write key is not stored").doesNotContain(API_KEY);
    }

    @Test
    void aConfiguredWriteKeySendsEventsAndNothingElse() {
        // What each kind of key may do is the adapters' to test (AccessFilterTest, SegmentTrackingApiTest); this is
        // herald.auth.write-keys reaching them.
        String basic = "Basic " + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        Http anonymous = Http.to(server.getURI());

        assertThat(anonymous.send("POST", "/v1/track", "{\"userId\": \"alex\", \"event\": \"Clicked\", \"messageId\": \"wk-1\"}",
                Map.of("Content-Type", "application/json", "Authorization", basic)).status()).isEqualTo(200);
        assertThat(anonymous.post("/v1/identify", "{\"userId\": \"alex\", \"messageId\": \"wk-2\", \"writeKey\": \"" + WRITE_KEY + "\"}")
                .status()).isEqualTo(200);
        var send = Http.to(server.getURI()).withApiKey(WRITE_KEY)
                .post("/send", "{\"message\": {\"to\": {\"user_id\": \"alex\"}, \"content\": {\"title\": \"t\", \"body\": \"b\"}}}");

        assertThat(send.status()).isEqualTo(403);
        assertThat(send.json().path("message").asText()).startsWith("This is a Segment write key");
        awaitProcessed();
        assertThat(Sql.count("SELECT count(*) FROM inbound_events")).isEqualTo(2);
        assertThat(Sql.count("SELECT count(*) FROM messages")).isZero();
    }

    @Test
    void missingOrWrongKeysAreRejectedAndNothingIsStored() {
        String identify = Fixtures.segment("identify.json");
        Http anonymous = Http.to(server.getURI());
        String wrongBasic = "Basic " + Base64.getEncoder().encodeToString("nope:".getBytes(StandardCharsets.UTF_8));

        var missing = anonymous.post("/segment", identify);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().path("type").asText()).isEqualTo("authentication_error");
        assertThat(anonymous.post("/v1/track", Fixtures.segment("track.json")).status()).isEqualTo(401);
        assertThat(anonymous.send("POST", "/v1/identify", identify, Map.of("Content-Type", "application/json", "Authorization", wrongBasic)).status()).isEqualTo(401);
        assertThat(anonymous.post("/v1/batch", "{\"writeKey\": \"nope\", \"batch\": [" + identify + "]}").status()).isEqualTo(401);
        assertThat(Sql.count("SELECT count(*) FROM inbound_events")).isZero();
    }
}
