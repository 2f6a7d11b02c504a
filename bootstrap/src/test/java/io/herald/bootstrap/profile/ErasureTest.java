package io.herald.bootstrap.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DELETE /profiles/{id} erases the person; their messages stay, as numbers, without anything that names them. */
@MicronautTest(transactional = false)
class ErasureTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    private Api api;

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = new Api(server.getURI(), API_KEY);
    }

    @Test
    void deletingAProfileErasesEverythingAboutTheUserAndKeepsTheirMessagesAnonymous() {
        api.post("/profiles/alex", "{\"profile\": {\"email\": \"alex@example.org\", \"phone_number\": \"+15550100\", \"name\": \"Alex\"}}");
        api.put("/users/alex/preferences/news", "{\"topic\": {\"status\": \"OPTED_OUT\"}}");
        api.put("/users/alex/tokens/device-1", "{\"provider_key\": \"firebase-fcm\"}");
        api.put("/lists/customers", "{\"name\": \"Customers\"}");
        api.put("/lists/customers/subscriptions/alex", "{}");
        api.post("/v1/group", "{\"userId\": \"alex\", \"groupId\": \"acme\", \"messageId\": \"g-1\", \"traits\": {\"name\": \"Acme\"}}");
        String email = api.send("{\"to\": {\"user_id\": \"alex\"}, \"content\": {\"title\": \"Hi Alex\", \"body\": \"Your code is 4711\"}, "
                + "\"data\": {\"code\": \"4711\"}, \"routing\": {\"method\": \"all\", \"channels\": [\"email\", \"inbox\"]}}");
        api.awaitStatus(email, "SENT");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Sql.count("SELECT count(*) FROM tenant_members WHERE user_id = 'alex'") == 1);

        assertThat(api.http().delete("/profiles/alex").status()).isEqualTo(204);

        assertThat(api.http().get("/profiles/alex").status()).isEqualTo(404);
        for (String table : new String[] {"preferences", "push_tokens", "list_subscriptions", "inbox_messages", "tenant_members"}) {
            assertThat(Sql.count("SELECT count(*) FROM " + table + " WHERE user_id = 'alex'")).as(table).isZero();
        }
        JsonNode message = api.message(email);
        assertThat(message.path("status").asText()).isEqualTo("SENT");
        assertThat(message.path("sent").isNumber()).isTrue();
        assertThat(api.output(email)).as("no rendered content").isEmpty();
        String stored = Sql.text("SELECT spec::text || coalesce(error, '') FROM messages WHERE message_id = ?", email);
        assertThat(stored).doesNotContain("alex@example.org").doesNotContain("4711").contains("\"user_id\": \"alex\"");
        assertThat(api.http().delete("/profiles/alex").status()).as("gone already").isEqualTo(404);
    }
}
