package io.herald.bootstrap.send;

import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad sends and templates: a 4xx naming the field, and nothing stored. */
@MicronautTest(transactional = false)
class SendBadRequestTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    private Api api;

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = new Api(server.getURI(), API_KEY);
        api.put("/templates/welcome", "{\"channels\": {\"email\": {\"subject\": \"Hi\", \"text\": \"Hello\"}}}");
    }

    @AfterEach
    void nothingSent() {
        assertThat(Sql.count("SELECT count(*) FROM messages")).isZero();
        assertThat(Sql.count("SELECT count(*) FROM scheduled_tasks")).isZero();
    }

    private void assertRefused(String message, String expected) {
        Http.Response response = api.sendRaw("{\"message\": " + message + "}", Map.of("Content-Type", "application/json"));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(response.json().path("message").asText()).contains(expected);
    }

    @Test
    void noRecipient() {
        assertRefused("{\"template\": \"welcome\"}", "message.to is required");
        assertRefused("{\"to\": {}, \"template\": \"welcome\"}", "message.to needs user_id, email, phone_number or list_id");
        assertRefused("{\"to\": [], \"template\": \"welcome\"}", "message.to must not be an empty array");
    }

    @Test
    void unknownTemplateOrList() {
        assertRefused("{\"to\": {\"user_id\": \"u\"}, \"template\": \"nope\"}", "message.template 'nope' is neither a template id nor an event");
        assertRefused("{\"to\": {\"list_id\": \"ghosts\"}, \"template\": \"welcome\"}", "message.to.list_id: there is no list 'ghosts'");
    }

    @Test
    void invalidRouting() {
        assertRefused("{\"to\": {\"user_id\": \"u\"}, \"template\": \"welcome\", \"routing\": {\"method\": \"some\", \"channels\": [\"email\"]}}",
                "message.routing.method must be \"single\" or \"all\"");
        assertRefused("{\"to\": {\"user_id\": \"u\"}, \"template\": \"welcome\", \"routing\": {\"method\": \"all\", \"channels\": [\"email\", \"fax\"]}}",
                "message.routing.channels[1] 'fax' is not a channel");
    }

    @Test
    void wrongTypes() {
        assertRefused("{\"to\": {\"user_id\": 42}, \"template\": \"welcome\"}", "message.to.user_id must be a non-empty string");
        assertRefused("{\"to\": {\"user_id\": \"u\"}, \"template\": \"welcome\", \"data\": [1]}", "message.data must be an object");
        assertRefused("{\"to\": {\"user_id\": \"u\"}, \"template\": \"welcome\", \"delay\": {\"duration\": \"soon\"}}", "message.delay.duration");
        assertRefused("{\"to\": [{\"user_id\": \"u\"}, \"v\"], \"template\": \"welcome\"}", "message.to[1] must be an object");
        assertRefused("{\"to\": {\"user_id\": \"u\"}, \"content\": {\"title\": \"Hi\"}}", "message.content.body is required");
        assertRefused("{\"to\": {\"user_id\": \"u\"}, \"template\": \"welcome\", \"content\": {\"body\": \"x\"}}", "either template or content");
        assertRefused("{\"to\": {\"user_id\": \"u\"}, \"content\": {\"body\": \"{{#if}}\"}}", "message.content.body is not a valid Handlebars template");
    }

    @Test
    void malformedBodiesAndReusedKeysWithOtherBodies() {
        var malformed = api.sendRaw("{\"message\": ", Map.of("Content-Type", "application/json"));
        var noMessage = api.sendRaw("{\"to\": {}}", Map.of("Content-Type", "application/json"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("message").asText()).contains("Malformed JSON");
        assertThat(noMessage.json().path("message").asText()).isEqualTo("message is required and must be an object");
        var tooLongKey = api.sendRaw("{\"message\": {\"to\": {\"user_id\": \"u\"}, \"template\": \"welcome\"}}",
                Map.of("Content-Type", "application/json", "Idempotency-Key", "k".repeat(300)));
        assertThat(tooLongKey.status()).isEqualTo(400);
        assertThat(tooLongKey.json().path("message").asText()).contains("Idempotency-Key");
    }

    @Test
    void aTemplateThatDoesNotCompileIsRefusedNamingWhere() {
        var response = api.http().put("/templates/broken", "{\"channels\": {\"email\": {\"subject\": \"Hi {{#each items}}\", \"text\": \"x\"}}}");
        var wrongField = api.http().put("/templates/broken", "{\"channels\": {\"sms\": {\"subject\": \"x\"}}}");
        var unknownChannel = api.http().put("/templates/broken", "{\"channels\": {\"fax\": {\"body\": \"x\"}}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("message").asText()).contains("channels.email.subject is not a valid Handlebars template").contains("line 1");
        assertThat(wrongField.json().path("message").asText()).contains("channels.sms.subject is not a field of sms content");
        assertThat(unknownChannel.json().path("message").asText()).contains("'fax' is not a channel");
        assertThat(api.http().get("/templates/broken").status()).isEqualTo(404);
    }

    @Test
    void badPreferencesAndLists() {
        var badStatus = api.http().put("/users/u/preferences/news", "{\"topic\": {\"status\": \"MAYBE\"}}");
        var badChannel = api.http().put("/users/u/preferences/news", "{\"topic\": {\"status\": \"OPTED_IN\", \"custom_routing\": [\"fax\"]}}");
        var noName = api.http().put("/lists/l1", "{}");

        assertThat(badStatus.json().path("message").asText()).isEqualTo("topic.status must be OPTED_IN, OPTED_OUT or REQUIRED");
        assertThat(badChannel.json().path("message").asText()).contains("topic.custom_routing[0] 'fax' is not a channel");
        assertThat(noName.json().path("message").asText()).isEqualTo("name is required and must be a string");
        assertThat(Sql.count("SELECT count(*) FROM preferences")).isZero();
        assertThat(Sql.count("SELECT count(*) FROM lists")).isZero();
    }
}
