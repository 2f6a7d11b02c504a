package io.herald.bootstrap.send;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends end to end over HTTP on PostgreSQL, delivered by the console provider: rendering, routing, lists, delays and
 * expiry on the real scheduler, preferences, the configured providers. The send API's own answers (validation,
 * idempotency, cancel, templates) are the REST adapter's and the application's tests.
 */
@MicronautTest(transactional = false)
class SendApiTest implements HeraldTest {

    private static final String WELCOME = """
            {"name": "Welcome", "topic": "onboarding", "events": ["Trial Started"],
             "channels": {
               "email": {"subject": "Welcome, {{first_name}}!", "html": "<p>Hi {{profile.name}}</p>", "text": "Hi {{profile.name}}"},
               "sms": {"body": "Welcome {{first_name}} ({{profile.plan}})"},
               "inbox": {"title": "Welcome", "body": "Glad you are here, {{first_name}}"}}}""";

    @Inject
    EmbeddedServer server;

    private Api api;

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = new Api(server.getURI(), API_KEY);
        api.put("/templates/welcome", WELCOME);
        api.post("/profiles/alex", "{\"profile\": {\"email\": \"alex@example.org\", \"phone_number\": \"+15550100\", \"name\": \"Alex\", \"plan\": \"pro\"}}");
    }

    @Test
    void aTemplateSendIsRenderedAndSentOnTheFirstRoutableChannel() {
        String id = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"welcome\", \"data\": {\"first_name\": \"Alex\"}}");

        JsonNode message = api.awaitStatus(id, "SENT");
        assertThat(message.path("id").asText()).isEqualTo(id);
        assertThat(message.path("recipient").asText()).isEqualTo("alex");
        assertThat(message.path("notification").asText()).isEqualTo("welcome");
        assertThat(message.path("channel").asText()).isEqualTo("email");
        assertThat(message.path("provider").asText()).isEqualTo("console");
        assertThat(message.path("sent").asLong()).isGreaterThanOrEqualTo(message.path("enqueued").asLong());
        assertThat(Http.texts(api.history(id), "type"))
                .containsExactly("ENQUEUED", "PROFILE_LOADED", "MAPPED", "ROUTED", "RENDERED", "SENT");
        JsonNode email = api.output(id).get(0);
        assertThat(email.path("channel").asText()).isEqualTo("email");
        assertThat(email.path("content").path("subject").asText()).isEqualTo("Welcome, Alex!");
        assertThat(email.path("content").path("html").asText()).isEqualTo("<p>Hi Alex</p>");
    }

    @Test
    void aResendIsANewMessageToTheSameRecipientRenderedAgainAndSentNowWithoutTheOriginalsDelay() {
        String original = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"welcome\", \"data\": {\"first_name\": \"Alex\"}, "
                + "\"delay\": {\"duration\": 500}}");
        api.awaitStatus(original, "SENT");
        api.post("/profiles/alex", "{\"profile\": {\"name\": \"Alexandra\"}}");

        Http.Response resent = api.http().post("/messages/" + original + "/resend", "");

        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        String copy = resent.json().path("message_id").asText();
        assertThat(copy).isNotEqualTo(original);
        JsonNode message = api.awaitStatus(copy, "SENT");
        assertThat(message.path("recipient").asText()).isEqualTo("alex");
        assertThat(message.path("notification").asText()).isEqualTo("welcome");
        assertThat(message.path("requestId").asText()).isEqualTo(copy);
        assertThat(Http.texts(api.history(copy), "type")).doesNotContain("DELAYED").contains("RENDERED", "SENT");
        assertThat(api.output(copy).get(0).path("content").path("html").asText()).as("rendered for the profile as it is now")
                .isEqualTo("<p>Hi Alexandra</p>");
        assertThat(api.message(original).path("status").asText()).as("the original stays as it was").isEqualTo("SENT");
        assertThat(api.http().post("/messages/1-unknown/resend", "").status()).isEqualTo(404);
    }

    @Test
    void routingAllSendsOnEveryRoutableChannelAndHtmlIsEscapedOnlyInEmailHtml() {
        api.post("/profiles/alex", "{\"profile\": {\"name\": \"Alex & Sam\"}}");

        String id = api.send("""
                {"to": {"user_id": "alex"}, "template": "welcome", "data": {"first_name": "<Al>"},
                 "routing": {"method": "all", "channels": ["email", "sms"]}}""");

        api.awaitStatus(id, "SENT");
        assertThat(Http.texts(api.history(id), "type")).filteredOn("SENT"::equals).hasSize(2);
        JsonNode outputs = api.output(id);
        assertThat(Http.texts(outputs, "channel")).containsExactlyInAnyOrder("email", "sms");
        for (JsonNode output : outputs) {
            if (output.path("channel").asText().equals("sms")) {
                assertThat(output.path("content").path("body").asText()).isEqualTo("Welcome <Al> (pro)");
            } else {
                assertThat(output.path("content").path("html").asText()).isEqualTo("<p>Hi Alex &amp; Sam</p>");
                assertThat(output.path("content").path("subject").asText()).isEqualTo("Welcome, <Al>!");
            }
        }
    }

    @Test
    void singleRoutingFallsThroughWhenTheRecipientHasNoAddressForTheFirstChannel() {
        String id = api.send("""
                {"to": {"user_id": "bo", "phone_number": "+15550199"}, "template": "welcome",
                 "routing": {"method": "single", "channels": ["email", "sms"]}}""");

        assertThat(api.awaitStatus(id, "SENT").path("channel").asText()).isEqualTo("sms");
    }

    @Test
    void adHocRecipientsArraysAndListsGetOneMessageEach() {
        api.put("/lists/beta", "{\"name\": \"Beta testers\"}");
        api.put("/lists/beta/subscriptions/alex", "{}");
        api.put("/lists/beta/subscriptions/bo", "{}");
        api.post("/profiles/bo", "{\"profile\": {\"email\": \"bo@example.org\"}}");

        String requestId = api.send("""
                {"to": [{"email": "ad-hoc@example.org"}, {"phone_number": "+15550111"}, {"list_id": "beta"}],
                 "content": {"title": "Hello", "body": "News for {{profile.email}}"}}""");

        // A list's members get their messages a page at a time, by durable work, right after the answer.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> api.http().get("/messages?request_id=" + requestId).json().path("results").size() == 4);
        JsonNode listed = api.http().get("/messages?request_id=" + requestId).json().path("results");
        assertThat(listed).hasSize(4);
        assertThat(Http.texts(listed, "recipient")).containsExactlyInAnyOrder("ad-hoc@example.org", "+15550111", "alex", "bo");
        for (JsonNode message : listed) {
            assertThat(message.path("id").asText()).isNotEqualTo(requestId);
            api.awaitStatus(message.path("id").asText(), "SENT");
        }
        JsonNode sms = api.http().get("/messages?recipient=%2B15550111").json().path("results").get(0);
        assertThat(api.output(sms.path("id").asText()).get(0).path("content").path("body").asText()).isEqualTo("Hello\nNews for ");
    }

    @Test
    void aShortDelayIsHonoured() {
        String id = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"welcome\", \"delay\": {\"duration\": 700}}");

        assertThat(api.message(id).path("status").asText()).isEqualTo("DELAYED");
        JsonNode sent = api.awaitStatus(id, "SENT");
        assertThat(sent.path("sent").asLong() - sent.path("enqueued").asLong()).isGreaterThanOrEqualTo(700);
    }

    @Test
    void aMessageNotSentBeforeItsExpiryIsGivenUp() {
        String id = api.send("""
                {"to": {"user_id": "alex"}, "template": "welcome", "delay": {"duration": 800}, "expiry": {"expires_in": 300}}""");

        JsonNode message = api.awaitStatus(id, "UNDELIVERABLE");
        assertThat(message.path("reason").asText()).isEqualTo("FAILED");
        assertThat(message.path("error").asText()).contains("expired");
    }

    @Test
    void anOptedOutTopicIsUnroutableAndARequiredTopicCannotBeOptedOut() {
        api.put("/users/alex/preferences/onboarding", "{\"topic\": {\"status\": \"OPTED_OUT\"}}");
        String id = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"welcome\"}");

        JsonNode message = api.awaitStatus(id, "UNROUTABLE");
        assertThat(message.path("reason").asText()).isEqualTo("UNSUBSCRIBED");

        api.put("/users/alex/preferences/security", "{\"topic\": {\"status\": \"REQUIRED\"}}");
        var optOut = api.http().put("/users/alex/preferences/security", "{\"topic\": {\"status\": \"OPTED_OUT\"}}");
        assertThat(optOut.status()).isEqualTo(400);
        assertThat(optOut.json().path("message").asText()).contains("REQUIRED");
        var demote = api.http().put("/users/alex/preferences/security", "{\"topic\": {\"status\": \"OPTED_IN\"}}");
        assertThat(demote.status()).as("REQUIRED -> OPTED_IN -> OPTED_OUT is not a way out").isEqualTo(400);
        assertThat(api.http().put("/users/alex/preferences/security", "{\"topic\": {\"status\": \"OPTED_OUT\"}}").status()).isEqualTo(400);
        String required = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"welcome\", \"preferences\": {\"subscription_topic_id\": \"security\"}}");
        api.awaitStatus(required, "SENT");
        assertThat(api.http().get("/users/alex/preferences/security").json().path("topic").path("status").asText()).isEqualTo("REQUIRED");
        assertThat(api.http().delete("/users/alex/preferences/security").status()).as("a reset is no way out of REQUIRED either")
                .isEqualTo(400);
        assertThat(api.http().get("/users/alex/preferences/security").json().path("topic").path("status").asText()).isEqualTo("REQUIRED");
    }

    @Test
    void aSendInATenantsContextFollowsItsDefaultsTheUsersChoicesThereAndItsProfiles() {
        api.put("/tenants/acme", """
                {"name": "Acme", "user_profile": {"plan": "acme-enterprise", "name": "Acme user"},
                 "default_preferences": {"items": [{"id": "onboarding", "status": "OPTED_OUT"},
                                                   {"id": "security", "status": "REQUIRED", "custom_routing": ["sms"]}]}}""");
        api.put("/users/alex/tenants/acme", "{\"profile\": {\"plan\": \"acme-seat\"}}");
        String inAcme = "{\"to\": {\"user_id\": \"alex\"}, \"template\": \"welcome\", \"context\": {\"tenant_id\": \"acme\"}, "
                + "\"data\": {\"first_name\": \"Alex\"}";

        JsonNode defaulted = api.awaitStatus(api.send(inAcme + "}"), "UNROUTABLE");
        assertThat(defaulted.path("reason").asText()).as("the tenant's default").isEqualTo("UNSUBSCRIBED");
        api.awaitStatus(api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"welcome\"}"), "SENT");

        api.put("/users/alex/preferences/onboarding?tenant_id=acme", "{\"topic\": {\"status\": \"OPTED_IN\", \"custom_routing\": [\"sms\"]}}");
        String chosen = api.send(inAcme + "}");
        JsonNode sent = api.awaitStatus(chosen, "SENT");
        assertThat(sent.path("channel").asText()).as("the user's choice in the tenant, with its channels").isEqualTo("sms");
        assertThat(api.output(chosen).get(0).path("content").path("body").asText())
                .as("the membership's profile over the user's own").isEqualTo("Welcome Alex (acme-seat)");
        assertThat(api.http().get("/users/alex/preferences/onboarding?tenant_id=acme").json().path("topic").path("default_status").asText())
                .isEqualTo("OPTED_OUT");

        api.put("/users/alex/preferences/security", "{\"topic\": {\"status\": \"OPTED_OUT\"}}");
        String required = api.send(inAcme + ", \"preferences\": {\"subscription_topic_id\": \"security\"}}");
        assertThat(api.awaitStatus(required, "SENT").path("channel").asText()).as("REQUIRED by the tenant, on its channels").isEqualTo("sms");
        assertThat(api.http().put("/users/alex/preferences/security?tenant_id=acme", "{\"topic\": {\"status\": \"OPTED_OUT\"}}").status())
                .isEqualTo(400);
        assertThat(api.http().get("/users/alex/preferences?tenant_id=globex").status()).isEqualTo(404);
    }

    @Test
    void aDeletedPreferenceGoesBackToTheTopicsDefault() {
        api.put("/users/alex/preferences/onboarding", "{\"topic\": {\"status\": \"OPTED_OUT\"}}");
        api.awaitStatus(api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"welcome\"}"), "UNROUTABLE");

        assertThat(api.http().delete("/users/alex/preferences/onboarding").status()).isEqualTo(204);
        assertThat(api.http().delete("/users/alex/preferences/onboarding").status()).as("idempotent").isEqualTo(204);

        assertThat(api.http().get("/users/alex/preferences/onboarding").json().path("topic").path("status").asText()).isEqualTo("OPTED_IN");
        api.awaitStatus(api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"welcome\"}"), "SENT");
    }

    @Test
    void aPatchedTokenKeepsWhatThePatchLeftAndARevokedOneIsNotSentTo() {
        api.put("/users/alex/tokens/fcm-1", "{\"provider_key\": \"firebase-fcm\", \"device\": {\"platform\": \"android\"}}");

        var patched = api.http().patch("/users/alex/tokens/fcm-1", "{\"patch\": [{\"op\": \"replace\", \"path\": \"/status\", "
                + "\"value\": \"revoked\"}, {\"op\": \"add\", \"path\": \"/status_reason\", \"value\": \"app uninstalled\"}]}");
        var refused = api.http().patch("/users/alex/tokens/fcm-1", "{\"patch\": [{\"op\": \"replace\", \"path\": \"/status\", "
                + "\"value\": \"active\"}, {\"op\": \"replace\", \"path\": \"/provider_key\", \"value\": \"apn\"}]}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(204);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("patch[1].path '/provider_key'");
        JsonNode token = api.http().get("/users/alex/tokens/fcm-1").json();
        assertThat(token.path("status").asText()).as("nothing of the refused patch applied").isEqualTo("revoked");
        assertThat(token.path("status_reason").asText()).isEqualTo("app uninstalled");
        assertThat(token.path("device").path("platform").asText()).isEqualTo("android");
        assertThat(api.http().patch("/users/alex/tokens/nope", "{\"patch\": [{\"op\": \"remove\", \"path\": \"/properties\"}]}").status())
                .isEqualTo(404);
        String push = api.send("{\"to\": {\"user_id\": \"alex\"}, \"content\": {\"title\": \"t\", \"body\": \"b\"}, "
                + "\"routing\": {\"method\": \"single\", \"channels\": [\"push\"]}}");
        assertThat(api.awaitStatus(push, "UNROUTABLE").path("reason").asText()).as("no usable token").isNotEmpty();
    }

    @Test
    void customRoutingNarrowsTheChannels() {
        api.put("/users/alex/preferences/onboarding", "{\"topic\": {\"status\": \"OPTED_IN\", \"has_custom_routing\": true, \"custom_routing\": [\"sms\"]}}");

        String id = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"welcome\"}");

        assertThat(api.awaitStatus(id, "SENT").path("channel").asText()).isEqualTo("sms");
        JsonNode preferences = api.http().get("/profiles/alex").json().path("preferences").path("notifications").path("onboarding");
        assertThat(preferences.path("status").asText()).isEqualTo("OPTED_IN");
    }

    @Test
    void aRecipientWithNoAddressForAnyChannelIsUnroutable() {
        String id = api.send("""
                {"to": {"email": "nobody@example.org"}, "template": "welcome", "routing": {"method": "single", "channels": ["sms"]}}""");

        JsonNode message = api.awaitStatus(id, "UNROUTABLE");
        assertThat(message.path("reason").asText()).isEqualTo("NO_CHANNELS");
    }

    @Test
    void aTemplateWhoseEventMappingNamesItCanBeSentByEventName() {
        String id = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"Trial Started\"}");

        assertThat(api.awaitStatus(id, "SENT").path("notification").asText()).isEqualTo("welcome");
    }

    @Test
    void aSendThatNoConfiguredProviderCanTakeIsUnroutableNamingTheKeys() {
        String asksForPostmark = api.send("{\"to\": {\"email\": \"p@example.org\"}, \"content\": {\"title\": \"a\", \"body\": \"b\"}, "
                + "\"channels\": {\"email\": {\"providers\": [\"postmark\"]}}, \"routing\": {\"method\": \"single\", \"channels\": [\"email\"]}}");
        JsonNode unroutable = api.awaitStatus(asksForPostmark, "UNROUTABLE");
        assertThat(unroutable.path("reason").asText()).isEqualTo("NO_PROVIDERS");
        assertThat(unroutable.path("error").asText()).isEqualTo("no provider can deliver: email: the send asks for [postmark] "
                + "(message.channels.email.providers) but herald.channels.email.providers is [console]");

        String twilioSettings = api.send("{\"to\": {\"phone_number\": \"+15550199\"}, \"content\": {\"title\": \"a\", \"body\": \"b\"}, "
                + "\"providers\": {\"twilio\": {\"override\": {\"validityPeriod\": 60}}}}");
        JsonNode refused = api.awaitStatus(twilioSettings, "UNROUTABLE");
        assertThat(refused.path("error").asText()).as("not sent by the console with the override dropped")
                .isEqualTo("message.providers names [twilio], which no channel is configured with (herald.channels.<channel>.providers)");
    }
}
