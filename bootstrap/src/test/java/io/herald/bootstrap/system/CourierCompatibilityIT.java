package io.herald.bootstrap.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Courier's API as the official SDK calls it, against the packaged jar: each call uses the SDK's method, path, body
 * and headers ({@code Accept: *}{@code /*} on the calls the SDK expects no body from, its {@code User-Agent} and
 * {@code X-Stainless-*} headers), and its answer is checked against the fields the SDK's TypeScript type requires
 * ({@code field:type}; {@code ?} marks a field the type allows to be absent or null). The calls build on each other,
 * in order, as a product's integration would: profiles, lists, tenants, tokens, preferences, sends and messages,
 * automations. docs/compatibility.md lists which SDK endpoint each call covers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CourierCompatibilityIT {

    private static final String API_KEY = "courier-compatibility-key";
    /** What the Stainless-generated SDK sends with every request. */
    private static final Map<String, String> SDK_HEADERS = Map.of(
            "User-Agent", "Courier/JS 7.10.2",
            "X-Stainless-Lang", "js",
            "X-Stainless-Package-Version", "7.10.2",
            "X-Stainless-Retry-Count", "0",
            "X-Stainless-Timeout", "60");

    private Path directory;
    private HeraldProcess herald;
    private Http http;

    @BeforeAll
    void start() throws IOException {
        directory = Files.createTempDirectory("herald-courier-compatibility");
        herald = new HeraldProcess(directory, Map.of("HERALD_AUTH_API_KEYS", API_KEY)).start();
        http = Http.to(herald.uri()).withApiKey(API_KEY);
    }

    @AfterAll
    void stop() {
        herald.close();
        HeraldProcess.deleteDirectory(directory);
    }

    /** A call whose SDK method parses a JSON answer. */
    private JsonNode json(String method, String path, String body, int status) {
        Http.Response response = call(method, path, body, "application/json");
        assertThat(response.status()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(method + " " + path).startsWith("application/json");
        return response.json();
    }

    /** A call whose SDK method returns {@code void}: the SDK sends {@code Accept: *}{@code /*} and reads no body. */
    private void accepted(String method, String path, String body, int status) {
        Http.Response response = call(method, path, body, "*/*");
        assertThat(response.status()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    }

    private Http.Response call(String method, String path, String body, String accept) {
        Map<String, String> headers = new LinkedHashMap<>(SDK_HEADERS);
        headers.put("Accept", accept);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return http.send(method, path, body, headers);
    }

    /**
     * Asserts the fields a type requires: {@code name:s} a string, {@code :n} a number, {@code :b} a boolean, {@code :o}
     * an object, {@code :a} an array, {@code :*} anything present; a leading {@code ?} allows it to be absent or null.
     */
    private static void shape(JsonNode node, String what, String... fields) {
        assertThat(node.isObject()).as(what + " is an object: " + node).isTrue();
        for (String field : fields) {
            boolean optional = field.startsWith("?");
            String[] parts = (optional ? field.substring(1) : field).split(":", 2);
            JsonNode value = node.get(parts[0]);
            if (value == null || value.isNull()) {
                assertThat(optional).as(what + "." + parts[0] + " is required: " + node).isTrue();
                continue;
            }
            boolean fits = switch (parts[1]) {
                case "s" -> value.isTextual();
                case "n" -> value.isNumber();
                case "b" -> value.isBoolean();
                case "o" -> value.isObject();
                case "a" -> value.isArray();
                default -> true;
            };
            assertThat(fits).as(what + "." + parts[0] + " is " + parts[1] + ": " + value).isTrue();
        }
    }

    @Test
    @Order(1)
    void profiles() {
        shape(json("POST", "/profiles/compat-alex", "{\"profile\": {\"email\": \"alex@example.org\", \"phone_number\": \"+15550100\"}}", 200),
                "ProfileCreateResponse", "status:s");
        shape(json("PUT", "/profiles/compat-kim", "{\"profile\": {\"email\": \"kim@example.org\"}}", 200), "ProfileReplaceResponse", "status:s");
        accepted("PATCH", "/profiles/compat-alex", "{\"patch\": [{\"op\": \"add\", \"path\": \"/name\", \"value\": \"Alex\"}]}", 200);
        JsonNode profile = json("GET", "/profiles/compat-alex", null, 200);
        shape(profile, "ProfileRetrieveResponse", "profile:o", "?preferences:o");
        assertThat(profile.path("profile").path("name").asText()).isEqualTo("Alex");

        shape(json("POST", "/profiles/compat-alex/lists", "{\"lists\": [{\"listId\": \"compat.news\"}]}", 200), "ListSubscribeResponse", "status:s");
        JsonNode lists = json("GET", "/profiles/compat-alex/lists", null, 200);
        shape(lists, "ListRetrieveResponse", "paging:o", "results:a");
        shape(lists.path("results").get(0), "results[0]", "id:s", "name:s", "?created:s", "?updated:s");
        shape(json("DELETE", "/profiles/compat-alex/lists", null, 200), "ListDeleteResponse", "status:s");
        accepted("DELETE", "/profiles/compat-kim", null, 204);
    }

    @Test
    @Order(2)
    void lists() {
        accepted("PUT", "/lists/compat.beta", "{\"name\": \"Beta testers\"}", 204);
        JsonNode all = json("GET", "/lists?pattern=compat.*", null, 200);
        shape(all, "ListListResponse", "items:a", "paging:o");
        shape(all.path("items").get(0), "SubscriptionList", "id:s", "name:s", "?created:s", "?updated:s");
        shape(json("GET", "/lists/compat.beta", null, 200), "SubscriptionList", "id:s", "name:s");
        accepted("POST", "/lists/compat.beta/subscriptions", "{\"recipients\": [{\"recipientId\": \"compat-alex\"}, {\"recipientId\": \"compat-bo\"}]}", 204);
        accepted("PUT", "/lists/compat.beta/subscriptions", "{\"recipients\": [{\"recipientId\": \"compat-alex\", \"preferences\": {}}]}", 204);
        accepted("PUT", "/lists/compat.beta/subscriptions/compat-cy", "{}", 204);
        accepted("DELETE", "/lists/compat.beta/subscriptions/compat-cy", null, 204);
        JsonNode subscriptions = json("GET", "/lists/compat.beta/subscriptions", null, 200);
        shape(subscriptions, "SubscriptionListResponse", "items:a", "paging:o");
        assertThat(Http.texts(subscriptions.path("items"), "recipientId")).containsExactly("compat-alex");
        accepted("DELETE", "/lists/compat.beta", null, 204);
        assertThat(call("GET", "/lists/compat.beta", null, "application/json").status()).isEqualTo(404);
        accepted("PUT", "/lists/compat.beta/restore", "{}", 204);
        assertThat(Http.texts(json("GET", "/lists/compat.beta/subscriptions", null, 200).path("items"), "recipientId"))
                .as("restored with its subscribers").containsExactly("compat-alex");
    }

    @Test
    @Order(3)
    void tenants() {
        JsonNode tenant = json("PUT", "/tenants/compat-acme", """
                {"name": "Acme", "properties": {"plan": "enterprise"}, "user_profile": {"company": "Acme"},
                 "default_preferences": {"items": [{"id": "compat-digest", "status": "OPTED_OUT"}]}}""", 200);
        shape(tenant, "Tenant", "id:s", "name:s", "?brand_id:s", "?default_preferences:o", "?parent_tenant_id:s", "?properties:o", "?user_profile:o");
        shape(json("PUT", "/tenants/compat-acme-eu", "{\"name\": \"Acme EU\", \"parent_tenant_id\": \"compat-acme\"}", 200), "Tenant", "id:s", "name:s");
        JsonNode children = json("GET", "/tenants?parent_tenant_id=compat-acme&limit=10", null, 200);
        shape(children, "TenantListResponse", "has_more:b", "items:a", "type:s", "url:s", "?cursor:s", "?next_url:s");
        assertThat(Http.texts(children.path("items"), "id")).containsExactly("compat-acme-eu");
        shape(json("GET", "/tenants/compat-acme", null, 200), "Tenant", "id:s", "name:s");
        accepted("PUT", "/tenants/compat-acme/default_preferences/items/compat-billing", "{\"status\": \"REQUIRED\"}", 204);
        accepted("DELETE", "/tenants/compat-acme/default_preferences/items/compat-billing", null, 204);

        accepted("PUT", "/users/compat-alex/tenants", "{\"tenants\": [{\"tenant_id\": \"compat-acme\", \"profile\": {\"title\": \"CTO\"}}]}", 204);
        accepted("PUT", "/users/compat-alex/tenants/compat-acme-eu", "{\"profile\": {}}", 204);
        JsonNode memberships = json("GET", "/users/compat-alex/tenants", null, 200);
        shape(memberships, "TenantListResponse", "has_more:b", "type:s", "url:s", "?items:a");
        shape(memberships.path("items").get(0), "TenantAssociation", "tenant_id:s", "?user_id:s", "?type:s", "?profile:o");
        shape(json("GET", "/tenants/compat-acme/users", null, 200), "TenantListUsersResponse", "has_more:b", "type:s", "url:s", "?items:a");
        accepted("DELETE", "/users/compat-alex/tenants/compat-acme-eu", null, 204);
        accepted("DELETE", "/tenants/compat-acme-eu", null, 204);
    }

    @Test
    @Order(4)
    void tokens() {
        accepted("PUT", "/users/compat-alex/tokens/compat-fcm-1", "{\"provider_key\": \"firebase-fcm\", \"device\": {\"platform\": \"android\"}}", 204);
        accepted("PUT", "/users/compat-alex/tokens", null, 204);
        accepted("PATCH", "/users/compat-alex/tokens/compat-fcm-1", "{\"patch\": [{\"op\": \"replace\", \"path\": \"/status\", \"value\": \"revoked\"}]}", 204);
        JsonNode token = json("GET", "/users/compat-alex/tokens/compat-fcm-1", null, 200);
        shape(token, "TokenRetrieveResponse", "token:s", "provider_key:s", "?status:s", "?device:o", "?expiry_date:*");
        assertThat(token.path("status").asText()).isEqualTo("revoked");
        JsonNode tokens = json("GET", "/users/compat-alex/tokens", null, 200);
        assertThat(tokens.isArray() || tokens.path("tokens").isArray()).as("TokenListResponse: " + tokens).isTrue();
        accepted("DELETE", "/users/compat-alex/tokens/compat-fcm-1", null, 204);
    }

    @Test
    @Order(5)
    void preferences() {
        shape(json("PUT", "/users/compat-alex/preferences/compat-news", "{\"topic\": {\"status\": \"OPTED_OUT\"}}", 200),
                "PreferenceUpdateOrCreateTopicResponse", "message:s");
        JsonNode topic = json("GET", "/users/compat-alex/preferences/compat-news", null, 200).path("topic");
        shape(topic, "TopicPreference", "default_status:s", "status:s", "topic_id:s", "topic_name:s", "?custom_routing:a", "?has_custom_routing:b");
        shape(json("GET", "/users/compat-alex/preferences", null, 200), "PreferenceRetrieveResponse", "items:a", "paging:o");
        JsonNode inTenant = json("GET", "/users/compat-alex/preferences/compat-digest?tenant_id=compat-acme", null, 200).path("topic");
        assertThat(inTenant.path("status").asText()).as("the tenant's default").isEqualTo("OPTED_OUT");
        JsonNode bulk = json("POST", "/users/compat-alex/preferences", "{\"topics\": [{\"topic_id\": \"compat-tips\", \"status\": \"OPTED_IN\"}]}", 200);
        shape(bulk, "PreferenceBulkUpdateResponse", "items:a", "errors:a");
        shape(bulk.path("items").get(0), "BulkPreferenceTopic", "topic_id:s", "status:s", "has_custom_routing:b", "custom_routing:a");
        shape(json("PUT", "/users/compat-alex/preferences", "{\"topics\": [{\"topic_id\": \"compat-tips\", \"status\": \"OPTED_OUT\"}]}", 200),
                "PreferenceBulkReplaceResponse", "items:a");
        accepted("DELETE", "/users/compat-alex/preferences/compat-tips", null, 204);
    }

    @Test
    @Order(6)
    void sendAndMessages() {
        http.put("/templates/compat-welcome", """
                {"name": "Welcome", "channels": {"email": {"subject": "Welcome {{name}}", "text": "Hello {{name}}", "html": "<p>Hello</p>"}}}""");
        JsonNode sent = json("POST", "/send", "{\"message\": {\"to\": {\"user_id\": \"compat-alex\"}, \"template\": \"compat-welcome\", "
                + "\"data\": {\"name\": \"Alex\"}, \"context\": {\"tenant_id\": \"compat-acme\"}, "
                + "\"metadata\": {\"tags\": [\"compat-onboarding\", \"compat-eu\"], \"trace_id\": \"compat-trace\", \"utm\": {\"source\": \"herald\"}}}}", 202);
        shape(sent, "SendMessageResponse", "requestId:s");
        String messageId = sent.path("requestId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> json("GET", "/messages/" + messageId, null, 200).path("status").asText().equals("SENT"));

        shape(json("GET", "/messages/" + messageId, null, 200), "MessageDetails", "id:s", "enqueued:n", "event:*", "notification:*",
                "recipient:s", "status:s", "?sent:n", "?delivered:n", "?opened:n", "?clicked:n", "?error:s", "?reason:s");
        JsonNode list = json("GET", "/messages?recipient=compat-alex", null, 200);
        shape(list, "MessageListResponse", "paging:o", "results:a");
        for (String filter : new String[] {"tag=compat-eu", "tags=nothing,compat-onboarding", "traceId=compat-trace", "tenant_id=compat-acme"}) {
            assertThat(Http.texts(json("GET", "/messages?" + filter, null, 200).path("results"), "id")).as(filter).containsExactly(messageId);
        }
        assertThat(json("GET", "/messages?tag=compat-none", null, 200).path("results").size()).isZero();
        shape(json("GET", "/messages/" + messageId + "/history", null, 200), "MessageHistoryResponse", "results:a");
        JsonNode output = json("GET", "/messages/" + messageId + "/output", null, 200);
        shape(output, "MessageContentResponse", "results:a");
        shape(output.path("results").get(0), "MessageContentResponse.Result", "channel:s", "channel_id:s", "content:o");
        shape(output.path("results").get(0).path("content"), "content", "blocks:a", "body:s", "html:s", "subject:s", "text:s", "title:s");
        JsonNode resent = json("POST", "/messages/" + messageId + "/resend", null, 202);
        shape(resent, "MessageResendResponse", "message_id:s");

        String delayed = json("POST", "/send", "{\"message\": {\"to\": {\"user_id\": \"compat-alex\"}, \"template\": \"compat-welcome\", "
                + "\"delay\": {\"duration\": 3600000}}}", 202).path("requestId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> json("GET", "/messages/" + delayed, null, 200).path("status").asText().equals("DELAYED"));
        shape(json("POST", "/messages/" + delayed + "/cancel", null, 200), "MessageDetails", "id:s", "status:s");
        assertThat(json("GET", "/messages/" + delayed, null, 200).path("status").asText()).isEqualTo("CANCELED");
    }

    @Test
    @Order(7)
    void brands() {
        JsonNode created = json("POST", "/brands", """
                {"id": "compat-acme", "name": "Acme", "settings": {"colors": {"primary": "#ff6600"},
                 "email": {"header": {"logo": {"image": "https://cdn.example.org/acme.png", "href": "https://acme.example.org"}},
                           "footer": {"content": "Acme Inc., 1 Main St"}}},
                 "snippets": {"items": [{"name": "sign_off", "value": "The Acme team"}]}}""", 200);
        shape(created, "Brand", "id:s", "created:n", "name:s", "updated:n", "?published:n", "?settings:o", "?snippets:o", "?version:s");
        assertThat(call("POST", "/brands", "{\"id\": \"compat-acme\", \"name\": \"Again\"}", "application/json").status()).isEqualTo(409);
        shape(json("GET", "/brands/compat-acme", null, 200), "Brand", "id:s", "created:n", "name:s", "updated:n");
        JsonNode generated = json("POST", "/brands", "{\"name\": \"Unnamed\"}", 200);
        JsonNode list = json("GET", "/brands", null, 200);
        shape(list, "BrandListResponse", "paging:o", "results:a");
        assertThat(Http.texts(list.path("results"), "id")).contains("compat-acme", generated.path("id").asText());
        JsonNode updated = json("PUT", "/brands/compat-acme", """
                {"name": "Acme Corp", "settings": {"colors": {"primary": "#ff6600"},
                 "email": {"header": {"logo": {"image": "https://cdn.example.org/acme.png"}}, "footer": {"content": "Acme Corp"}}},
                 "snippets": {"items": [{"name": "sign_off", "value": "The Acme team"}]}}""", 200);
        assertThat(updated.path("name").asText()).isEqualTo("Acme Corp");
        assertThat(updated.path("created").asLong()).isEqualTo(created.path("created").asLong());
        accepted("DELETE", "/brands/" + generated.path("id").asText(), null, 204);
        assertThat(call("GET", "/brands/" + generated.path("id").asText(), null, "application/json").status()).isEqualTo(404);

        String messageId = json("POST", "/send", "{\"message\": {\"to\": {\"email\": \"kim@example.org\"}, \"brand_id\": \"compat-acme\", "
                + "\"content\": {\"title\": \"Hello\", \"body\": \"Hi from {{brand.snippets.sign_off}}\"}}}", 202).path("requestId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> json("GET", "/messages/" + messageId, null, 200).path("status").asText().equals("SENT"));
        JsonNode content = json("GET", "/messages/" + messageId + "/output", null, 200).path("results").get(0).path("content");
        assertThat(content.path("html").asText()).contains("https://cdn.example.org/acme.png").contains("#ff6600").contains("Acme Corp")
                .contains("Hi from The Acme team");
        assertThat(content.path("text").asText()).endsWith("-- \nAcme Corp");
        assertThat(call("POST", "/send", "{\"message\": {\"to\": {\"email\": \"kim@example.org\"}, \"brand_id\": \"nope\", "
                + "\"content\": {\"title\": \"Hello\", \"body\": \"Hi\"}}}", "application/json").status()).isEqualTo(400);
    }

    @Test
    @Order(8)
    void automations() {
        http.put("/automations/compat-onboarding", "{\"name\": \"Onboarding\", \"steps\": [{\"action\": \"send\", \"template\": \"compat-welcome\"}]}");
        JsonNode list = json("GET", "/automations", null, 200);
        shape(list, "AutomationTemplateListResponse", "?cursor:s", "templates:a");
        shape(list.path("templates").get(0), "AutomationTemplate", "id:s", "name:s", "version:s");

        JsonNode adHoc = json("POST", "/automations/invoke", """
                {"recipient": "compat-alex", "data": {"name": "Alex"}, "automation": {"steps": [
                  {"action": "delay", "duration": "1 minute", "until": "2020-01-01T00:00:00Z"},
                  {"action": "send", "template": "compat-welcome", "profile": {"locale": "en-GB"}}]}}""", 202);
        shape(adHoc, "AutomationInvokeResponse", "runId:s");
        shape(json("POST", "/automations/compat-onboarding/invoke", "{\"recipient\": \"compat-alex\", \"data\": {\"name\": \"Alex\"}}", 202),
                "AutomationInvokeResponse", "runId:s");

        String runId = adHoc.path("runId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/automations/runs/" + runId).json().path("status").asText().equals("COMPLETED"));
        JsonNode runs = json("GET", "/automations/runs?status=PROCESSED,PROCESSING&limit=10", null, 200);
        shape(runs, "AutomationRunListResponse", "runs:a", "?next_cursor:s");
        shape(runs.path("runs").get(0), "AutomationRunListItem", "run_id:s", "source:a", "?created_at:s", "?status:s", "?template_id:s");
        JsonNode steps = json("GET", "/automations/runs/" + runId + "/steps", null, 200);
        shape(steps, "AutomationRunStepsResponse", "steps:a");
        shape(steps.path("steps").get(1), "AutomationRunStep", "action:s", "status:s", "?created_at:s", "?message_id:s", "?step_id:s", "?updated_at:s");
        assertThat(steps.path("steps").get(1).path("message_id").asText()).isNotEmpty();
    }

    @Test
    @Order(9)
    void inboundAndAuth() {
        shape(json("POST", "/inbound/courier", "{\"event\": \"Compat Checked\", \"messageId\": \"compat-1\", \"properties\": {}, "
                + "\"type\": \"track\", \"userId\": \"compat-alex\"}", 202), "InboundTrackEventResponse", "messageId:s");
        shape(json("POST", "/auth/issue-token", "{\"scope\": \"user_id:compat-alex read:preferences\", \"expires_in\": \"2 days\"}", 200),
                "AuthIssueTokenResponse", "token:s");
    }

    @Test
    @Order(10)
    void auditEvents() throws Exception {
        String fingerprint = "key_" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(API_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 12);
        JsonNode list = json("GET", "/audit-events", null, 200);
        shape(list, "AuditEventListResponse", "paging:o", "results:a");
        JsonNode newest = list.path("results").get(0);
        shape(newest, "AuditEvent", "actor:o", "auditEventId:s", "source:s", "target:s", "timestamp:s", "type:s");
        shape(newest.path("actor"), "AuditEvent.Actor", "id:s", "?email:s");
        assertThat(newest.path("actor").path("id").asText()).isEqualTo(fingerprint);
        assertThat(Http.texts(list.path("results"), "type")).as("the brands written in this test, newest first")
                .containsSubsequence("DELETE /brands/{brand_id}", "PUT /brands/{brand_id}", "POST /brands")
                .doesNotContain("POST /send");
        shape(json("GET", "/audit-events/" + newest.path("auditEventId").asText(), null, 200), "AuditEvent", "auditEventId:s", "type:s");
    }

    @Test
    @Order(11)
    void elementalContent() {
        String messageId = json("POST", "/send", """
                {"message": {"to": {"email": "kim@example.org"}, "data": {"order_id": "A-42", "total": 149.99},
                 "content": {"version": "2022-01-01", "elements": [
                   {"type": "meta", "title": "Order {{order_id}} shipped"},
                   {"type": "text", "content": "Your order is **on its way**."},
                   {"type": "text", "content": "Free shipping applied.", "if": "data.total > 100"},
                   {"type": "action", "content": "Track it", "href": "https://example.org/track/{{order_id}}"}]}}}""", 202)
                .path("requestId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> json("GET", "/messages/" + messageId, null, 200).path("status").asText().equals("SENT"));
        JsonNode content = json("GET", "/messages/" + messageId + "/output", null, 200).path("results").get(0).path("content");
        assertThat(content.path("subject").asText()).isEqualTo("Order A-42 shipped");
        assertThat(content.path("html").asText()).contains("<strong>on its way</strong>").contains("Free shipping applied.")
                .contains("href=\"https://example.org/track/A-42\"");
        assertThat(content.path("text").asText()).contains("Track it: https://example.org/track/A-42");

        Http.Response refused = call("POST", "/send", """
                {"message": {"to": {"email": "kim@example.org"}, "content": {"version": "2022-01-01", "elements": [
                  {"type": "text", "content": "x", "loop": "data.items"}]}}}""", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("message.content.elements[0].loop is not supported");
    }

    @Test
    @Order(12)
    void notifications() {
        JsonNode created = json("POST", "/notifications", """
                {"notification": {"name": "Shipped", "brand": null, "routing": null, "subscription": {"topic_id": "compat-orders"},
                  "tags": ["orders"], "content": {"version": "2022-01-01", "elements": [
                    {"type": "meta", "title": "Order {{order_id}}"}, {"type": "text", "content": "Your order shipped."}]}},
                 "state": "DRAFT"}""", 200);
        shape(created, "NotificationTemplateResponse", "id:s", "created:n", "creator:s", "state:s", "name:s", "content:o", "tags:a",
                "?brand:o", "?routing:o", "?subscription:o", "?updated:n", "?updater:s");
        String id = created.path("id").asText();
        assertThat(created.path("state").asText()).isEqualTo("DRAFT");
        assertThat(call("POST", "/send", "{\"message\": {\"to\": {\"email\": \"kim@example.org\"}, \"template\": \"" + id + "\"}}",
                "application/json").status()).as("a draft never sends").isEqualTo(400);

        accepted("POST", "/notifications/" + id + "/publish", "{}", 204);
        shape(json("GET", "/notifications/" + id + "?version=published", null, 200), "NotificationTemplateResponse", "id:s", "state:s");
        JsonNode content = json("GET", "/notifications/" + id + "/content", null, 200);
        shape(content, "NotificationContentGetResponse", "elements:a", "version:s");
        shape(content.path("elements").get(1), "ElementWithChecksums", "checksum:s", "type:s", "?id:s");
        String textId = content.path("elements").get(1).path("id").asText();

        JsonNode mutated = json("PUT", "/notifications/" + id + "/elements/" + textId,
                "{\"type\": \"text\", \"content\": \"Your order {{order_id}} is on its way.\"}", 200);
        shape(mutated, "NotificationContentMutationResponse", "id:s", "elements:a", "state:s", "version:s");
        assertThat(mutated.path("state").asText()).isEqualTo("DRAFT");
        json("PUT", "/notifications/" + id + "/locales/fr", "{\"elements\": [{\"id\": \"" + textId + "\", \"content\": \"Votre commande {{order_id}} est en route.\"}],"
                + " \"state\": \"PUBLISHED\"}", 200);
        JsonNode versions = json("GET", "/notifications/" + id + "/versions", null, 200);
        shape(versions, "NotificationTemplateVersionListResponse", "paging:o", "versions:a");
        shape(versions.path("versions").get(0), "VersionNode", "created:n", "creator:s", "version:s");
        assertThat(Http.texts(versions.path("versions"), "version")).containsExactly("v2", "v1");
        JsonNode list = json("GET", "/notifications", null, 200);
        shape(list, "NotificationListResponse", "paging:o", "results:a");
        assertThat(Http.texts(list.path("results"), "id")).contains(id, "compat-welcome");

        http.put("/profiles/compat-fr", "{\"profile\": {\"email\": \"fr@example.org\", \"locale\": \"fr-FR\"}}");
        String messageId = json("POST", "/send", "{\"message\": {\"to\": {\"user_id\": \"compat-fr\"}, \"template\": \"" + id + "\", "
                + "\"data\": {\"order_id\": \"A-7\"}, \"routing\": {\"method\": \"single\", \"channels\": [\"email\"]}}}", 202).path("requestId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> json("GET", "/messages/" + messageId, null, 200).path("status").asText().equals("SENT"));
        JsonNode email = json("GET", "/messages/" + messageId + "/output", null, 200).path("results").get(0).path("content");
        assertThat(email.path("text").asText()).isEqualTo("Votre commande A-7 est en route.");
        JsonNode mapped = json("GET", "/messages/" + messageId + "/history?type=MAPPED", null, 200).path("results").get(0);
        assertThat(mapped.path("version").asText()).as("the message records the version it was sent with").isEqualTo("v2");

        JsonNode metrics = json("GET", "/notifications/" + id + "/metrics?granularity=HOUR&lookback=P1D", null, 200);
        shape(metrics, "NotificationMetricsResponse", "notification_id:s", "granularity:s", "start:s", "end:s", "series:a");
        assertThat(metrics.path("series").size()).as("every hour of the day listed").isEqualTo(25);
        List<JsonNode> handled = new ArrayList<>();
        metrics.path("series").forEach(bucket -> bucket.path("data").forEach(handled::add));
        assertThat(handled).as("the one message sent, in the hour it was enqueued").hasSize(1);
        JsonNode counted = handled.get(0);
        shape(counted, "Series.Data", "channel:s", "provider:s", "sent:n", "delivered:n", "opened:n", "clicked:n", "errors:n",
                "undeliverable:n");
        assertThat(counted.path("channel").asText()).isEqualTo("email");
        assertThat(counted.path("sent").asLong()).isEqualTo(1);
        assertThat(call("GET", "/notifications/" + id + "/metrics?lookback=P1D&start=2026-12-01T00:00:00Z&end=2026-12-02T00:00:00Z", null,
                "application/json").status()).as("lookback or start and end, not both").isEqualTo(400);

        accepted("DELETE", "/notifications/" + id, null, 204);
        assertThat(call("GET", "/notifications/" + id, null, "application/json").status()).isEqualTo(404);
    }

    @Test
    @Order(13)
    void translations() {
        String po = "msgid \"Hello {{name}}\"\nmsgstr \"Hallo {{name}}\"\n";
        accepted("PUT", "/translations/default/de", "\"" + po.replace("\"", "\\\"").replace("\n", "\\n") + "\"", 204);
        assertThat(json("GET", "/translations/default/de", null, 200).asText()).as("a JSON string, as the SDK reads it").isEqualTo(po);
        Http.Response text = call("GET", "/translations/default/de", null, "text/plain");
        assertThat(text.header("Content-Type")).startsWith("text/plain");
        assertThat(text.body()).isEqualTo(po);
        assertThat(call("GET", "/translations/default/xx", null, "application/json").status()).isEqualTo(404);
        Http.Response refused = call("PUT", "/translations/default/de", "\"hello\"", "*/*");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("line 1 is not gettext .po syntax");

        http.put("/profiles/compat-de", "{\"profile\": {\"email\": \"de@example.org\", \"locale\": \"de-AT\"}}");
        String messageId = json("POST", "/send", "{\"message\": {\"to\": {\"user_id\": \"compat-de\"}, \"template\": \"compat-welcome\", "
                + "\"data\": {\"name\": \"Jo\"}}}", 202).path("requestId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> json("GET", "/messages/" + messageId, null, 200).path("status").asText().equals("SENT"));
        assertThat(json("GET", "/messages/" + messageId + "/output", null, 200).path("results").get(0).path("content").path("text").asText())
                .isEqualTo("Hallo Jo");
    }

    @Test
    @Order(14)
    void bulk() {
        JsonNode created = json("POST", "/bulk", "{\"message\": {\"event\": \"compat-welcome\", \"data\": {\"name\": \"there\"}}}", 200);
        shape(created, "BulkCreateJobResponse", "jobId:s");
        String jobId = created.path("jobId").asText();
        for (int call = 0; call < 2; call++) {
            StringBuilder users = new StringBuilder("{\"users\": [");
            for (int i = 0; i < 600; i++) {
                int n = call * 600 + i;
                users.append(i == 0 ? "" : ",").append("{\"recipient\": \"compat-bulk-").append(n)
                        .append("\", \"profile\": {\"email\": \"bulk-").append(n).append("@example.org\"}, \"data\": {\"n\": ").append(n).append("}}");
            }
            accepted("POST", "/bulk/" + jobId, users.append("]}").toString(), 204);
        }
        Http.Response refused = call("POST", "/bulk/" + jobId, "{\"users\": [{\"data\": {}}]}", "*/*");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("users[0]: a bulk user needs recipient, to or a profile");
        JsonNode before = json("GET", "/bulk/" + jobId, null, 200).path("job");
        shape(before, "BulkRetrieveJobResponse.Job", "definition:o", "enqueued:n", "failures:n", "received:n", "status:s");
        assertThat(before.path("status").asText()).isEqualTo("CREATED");
        assertThat(before.path("received").asInt()).isEqualTo(1200);

        accepted("POST", "/bulk/" + jobId + "/run", null, 202);
        await().atMost(Duration.ofSeconds(60)).until(() -> json("GET", "/bulk/" + jobId, null, 200).path("job").path("status").asText().equals("COMPLETED"));
        JsonNode job = json("GET", "/bulk/" + jobId, null, 200).path("job");
        assertThat(job.path("enqueued").asInt()).isEqualTo(1200);
        assertThat(job.path("failures").asInt()).isZero();
        assertThat(call("POST", "/bulk/" + jobId, "{\"users\": [{\"recipient\": \"late\"}]}", "*/*").status()).as("added after the run").isEqualTo(409);

        JsonNode users = json("GET", "/bulk/" + jobId + "/users", null, 200);
        shape(users, "BulkListUsersResponse", "items:a", "paging:o");
        shape(users.path("items").get(0), "BulkListUsersResponse.Item", "status:s", "?messageId:s", "?recipient:s", "?profile:o", "?data:*");
        assertThat(users.path("items").get(0).path("status").asText()).isEqualTo("ENQUEUED");
        String first = users.path("items").get(0).path("messageId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> json("GET", "/messages/" + first, null, 200).path("status").asText().equals("SENT"));
        assertThat(json("GET", "/messages/" + first, null, 200).path("recipient").asText()).isEqualTo("compat-bulk-0");
        assertThat(json("GET", "/messages?request_id=" + jobId + "&limit=100", null, 200).path("results").size()).isEqualTo(100);
    }

    @Test
    @Order(15)
    void sendListStep() {
        http.put("/profiles/compat-launch-1", "{\"profile\": {\"email\": \"launch-1@example.org\"}}");
        http.put("/profiles/compat-launch-2", "{\"profile\": {\"email\": \"launch-2@example.org\"}}");
        accepted("PUT", "/lists/compat.launch", "{\"name\": \"Launch\"}", 204);
        accepted("PUT", "/lists/compat.launch/subscriptions", "{\"recipients\": [{\"recipientId\": \"compat-launch-1\"}, {\"recipientId\": \"compat-launch-2\"}]}", 204);

        String runId = json("POST", "/automations/invoke", """
                {"recipient": "compat-alex", "data": {"name": "everyone"}, "automation": {"steps": [
                  {"action": "send-list", "list": "compat.launch", "template": "compat-welcome"}]}}""", 202).path("runId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/automations/runs/" + runId).json().path("status").asText().equals("COMPLETED"));
        for (String subscriber : new String[] {"compat-launch-1", "compat-launch-2"}) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode results = json("GET", "/messages?recipient=" + subscriber, null, 200).path("results");
                return results.size() == 1 && results.get(0).path("status").asText().equals("SENT");
            });
        }
        String failing = json("POST", "/automations/invoke", """
                {"recipient": "compat-alex", "automation": {"steps": [{"action": "send-list", "list": "compat.none", "template": "compat-welcome"}]}}""",
                202).path("runId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/automations/runs/" + failing).json().path("status").asText().equals("FAILED"));
    }

    @Test
    @Order(16)
    void tenantTemplates() {
        JsonNode put = json("PUT", "/tenants/compat-acme/templates/compat-welcome", """
                {"template": {"content": {"version": "2022-01-01", "elements": [{"type": "meta", "title": "Acme welcomes you"},
                  {"type": "text", "content": "Welcome to Acme, {{name}}"}]}}, "published": true}""", 200);
        shape(put, "PutTenantTemplateResponse", "id:s", "version:s", "?published_at:s");
        assertThat(put.path("version").asText()).isEqualTo("v1");
        shape(json("GET", "/tenants/compat-acme/templates/compat-welcome", null, 200), "BaseTemplateTenantAssociation",
                "id:s", "created_at:s", "published_at:s", "updated_at:s", "version:s");
        JsonNode list = json("GET", "/tenants/compat-acme/templates", null, 200);
        shape(list, "TemplateListResponse", "has_more:b", "type:s", "url:s", "?items:a");
        shape(list.path("items").get(0), "TemplateListResponse.Item", "id:s", "version:s", "data:o");
        assertThat(Http.texts(list.path("items"), "id")).containsExactly("compat-welcome");
        JsonNode published = json("POST", "/tenants/compat-acme/templates/compat-welcome/publish", "{\"version\": \"v1\"}", 200);
        shape(published, "PostTenantTemplatePublishResponse", "id:s", "published_at:s", "version:s");
        assertThat(published.path("version").asText()).isEqualTo("v2");
        shape(json("GET", "/tenants/compat-acme/templates/compat-welcome/versions/v1", null, 200), "BaseTemplateTenantAssociation", "id:s", "version:s");
        assertThat(Http.texts(json("GET", "/notifications", null, 200).path("results"), "id")).as("tenants' versions stay with their tenant")
                .noneMatch(id -> id.startsWith("tenant/"));

        String inTenant = json("POST", "/send", "{\"message\": {\"to\": {\"email\": \"t@example.org\"}, \"template\": \"compat-welcome\", "
                + "\"data\": {\"name\": \"Kim\"}, \"context\": {\"tenant_id\": \"compat-acme\"}}}", 202).path("requestId").asText();
        String outside = json("POST", "/send", "{\"message\": {\"to\": {\"email\": \"t@example.org\"}, \"template\": \"compat-welcome\", "
                + "\"data\": {\"name\": \"Kim\"}}}", 202).path("requestId").asText();
        for (String id : new String[] {inTenant, outside}) {
            await().atMost(Duration.ofSeconds(30)).until(() -> json("GET", "/messages/" + id, null, 200).path("status").asText().equals("SENT"));
        }
        JsonNode tenantEmail = json("GET", "/messages/" + inTenant + "/output", null, 200).path("results").get(0).path("content");
        assertThat(tenantEmail.path("subject").asText()).isEqualTo("Acme welcomes you");
        assertThat(tenantEmail.path("text").asText()).isEqualTo("Welcome to Acme, Kim");
        assertThat(json("GET", "/messages/" + inTenant, null, 200).path("notification").asText()).isEqualTo("compat-welcome");
        assertThat(json("GET", "/messages/" + outside + "/output", null, 200).path("results").get(0).path("content").path("text").asText())
                .isEqualTo("Hello Kim");
        assertThat(call("PUT", "/tenants/compat-acme/templates/compat-none", "{\"template\": {\"content\": {\"elements\": []}}}",
                "application/json").status()).isEqualTo(404);
        accepted("DELETE", "/tenants/compat-acme/templates/compat-welcome", null, 204);
        assertThat(call("GET", "/tenants/compat-acme/templates/compat-welcome", null, "application/json").status()).isEqualTo(404);
    }

    @Test
    @Order(17)
    void requestsArchive() {
        String requestId = json("POST", "/send", "{\"message\": {\"to\": {\"user_id\": \"compat-archive\", \"email\": \"a@example.org\"}, "
                + "\"template\": \"compat-welcome\", \"data\": {\"name\": \"A\"}}}", 202).path("requestId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> json("GET", "/messages?recipient=compat-archive", null, 200).path("results").size() == 1);
        accepted("PUT", "/requests/" + requestId + "/archive", null, 204);
        assertThat(json("GET", "/messages?recipient=compat-archive", null, 200).path("results").size()).isZero();
        assertThat(Http.texts(json("GET", "/messages?recipient=compat-archive&archived=true", null, 200).path("results"), "id"))
                .containsExactly(requestId);
        assertThat(call("PUT", "/requests/no-such-request/archive", null, "*/*").status()).isEqualTo(404);
    }

    @Test
    @Order(18)
    void notificationChecks() {
        String id = json("POST", "/notifications", """
                {"notification": {"name": "Checked", "brand": null, "routing": null, "subscription": null, "tags": [],
                  "content": {"version": "2022-01-01", "elements": [{"type": "text", "content": "Checked"}]}}}""", 200).path("id").asText();
        JsonNode put = json("PUT", "/notifications/" + id + "/sub-1/checks", "{\"checks\": [{\"id\": \"legal\", \"status\": \"PENDING\", \"type\": \"custom\"}]}", 200);
        shape(put, "CheckUpdateResponse", "checks:a");
        shape(put.path("checks").get(0), "Check", "id:s", "status:s", "type:s", "updated:n");
        assertThat(call("POST", "/notifications/" + id + "/publish", "{}", "*/*").status()).as("held by the pending check").isEqualTo(409);
        json("PUT", "/notifications/" + id + "/sub-1/checks", "{\"checks\": [{\"id\": \"legal\", \"status\": \"RESOLVED\", \"type\": \"custom\"}]}", 200);
        shape(json("GET", "/notifications/" + id + "/sub-1/checks", null, 200), "CheckListResponse", "checks:a");
        accepted("POST", "/notifications/" + id + "/publish", "{}", 204);
        accepted("DELETE", "/notifications/" + id + "/sub-1/checks", null, 204);
        assertThat(json("GET", "/notifications/" + id + "/sub-1/checks", null, 200).path("checks").size()).isZero();
    }

    @Test
    @Order(19)
    void workspacePreferences() {
        JsonNode section = json("POST", "/preferences/sections", "{\"name\": \"Account\", \"routing_options\": [\"email\", \"inbox\"]}", 200);
        shape(section, "WorkspacePreferenceGetResponse", "id:s", "created:s", "has_custom_routing:b", "name:s", "routing_options:a", "topics:a",
                "?creator:s", "?description:s", "?updated:s", "?updater:s");
        String sectionId = section.path("id").asText();
        JsonNode topic = json("POST", "/preferences/sections/" + sectionId + "/topics",
                "{\"name\": \"Security alerts\", \"default_status\": \"REQUIRED\", \"routing_options\": [\"email\"]}", 200);
        shape(topic, "WorkspacePreferenceTopicGetResponse", "id:s", "allowed_preferences:a", "created:s", "default_status:s",
                "include_unsubscribe_header:b", "name:s", "routing_options:a", "topic_data:o", "updated:s", "?creator:s", "?description:s");
        assertThat(topic.path("include_unsubscribe_header").asBoolean()).as("nothing to unsubscribe from").isFalse();
        String topicId = topic.path("id").asText();
        JsonNode marketing = json("POST", "/preferences/sections/" + sectionId + "/topics",
                "{\"id\": \"compat-marketing\", \"name\": \"Marketing\", \"default_status\": \"OPTED_OUT\"}", 200);
        assertThat(marketing.path("include_unsubscribe_header").asBoolean()).isTrue();

        shape(json("GET", "/preferences/sections", null, 200), "WorkspacePreferenceListResponse", "results:a");
        assertThat(Http.texts(json("GET", "/preferences/sections/" + sectionId, null, 200).path("topics"), "id"))
                .containsExactly(topicId, "compat-marketing");
        shape(json("GET", "/preferences/sections/" + sectionId + "/topics", null, 200), "WorkspacePreferenceTopicListResponse", "results:a");
        shape(json("GET", "/preferences/sections/" + sectionId + "/topics/" + topicId, null, 200), "WorkspacePreferenceTopicGetResponse",
                "id:s", "default_status:s");
        json("PUT", "/preferences/sections/" + sectionId, "{\"name\": \"Your account\"}", 200);
        assertThat(json("PUT", "/preferences/sections/" + sectionId + "/topics/compat-marketing",
                "{\"name\": \"News\", \"default_status\": \"OPTED_IN\", \"allowed_preferences\": [\"channel_preferences\"]}", 200)
                .path("name").asText()).isEqualTo("News");

        // REQUIRED holds for everyone: no user write leaves it.
        http.put("/profiles/compat-required", "{\"profile\": {\"email\": \"required@example.org\"}}");
        assertThat(call("PUT", "/users/compat-required/preferences/" + topicId, "{\"topic\": {\"status\": \"OPTED_OUT\"}}",
                "application/json").status()).isEqualTo(400);
        assertThat(json("GET", "/users/compat-required/preferences/" + topicId, null, 200).path("topic").path("status").asText())
                .isEqualTo("REQUIRED");
        assertThat(call("DELETE", "/preferences/sections/" + sectionId, null, "*/*").status()).as("topics first").isEqualTo(409);
        accepted("DELETE", "/preferences/sections/" + sectionId + "/topics/" + topicId, null, 204);
        accepted("DELETE", "/preferences/sections/" + sectionId + "/topics/compat-marketing", null, 204);
        accepted("DELETE", "/preferences/sections/" + sectionId, null, 204);
        assertThat(call("GET", "/preferences/sections/" + sectionId, null, "application/json").status()).isEqualTo(404);
    }
}
