package io.herald.adapters.inbound.rest.cors;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.FakeCallers;
import io.herald.adapters.inbound.rest.fakes.RecordingManageInbox;
import io.herald.adapters.inbound.rest.fakes.RecordingQueryMessages;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.port.Page;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A product's own pages call a user's endpoints with a client token; nothing else answers another origin. */
@MicronautTest
@Property(name = "herald.cors.allowed-origins", value = "https://app.example.org,http://localhost:3000")
class CorsFilterTest extends ApiTest {

    private static final String CLIENT_TOKEN = "client.token.of-u1";

    @Inject
    FakeCallers callers;

    @Inject
    RecordingManageInbox inbox;

    @Inject
    RecordingQueryMessages messages;

    private static MutableHttpRequest<?> preflight(String path, String origin) {
        return HttpRequest.create(HttpMethod.OPTIONS, path).header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization");
    }

    @Test
    void aPreflightFromAnAllowedOriginToAUsersInboxIsAnsweredWithoutACredential_andNeverAllowsCredentials() {
        Reply reply = api.send(preflight("/users/u1/inbox/stream", "https://app.example.org"));

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.org");
        assertThat(reply.header("Access-Control-Allow-Headers")).contains("Authorization", "Last-Event-ID");
        assertThat(reply.header("Access-Control-Allow-Methods")).contains("GET", "POST");
        assertThat(reply.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(inbox.calls()).isEmpty();
    }

    @Test
    void theAnswerToAnAllowedOriginNamesIt_andOtherOriginsGetNoCorsHeader() {
        callers.knowClientToken(CLIENT_TOKEN, "u1", "inbox:read:messages");
        inbox.answerList(new Page<>(List.of(), null));

        Reply allowed = api.send(HttpRequest.GET("/users/u1/inbox").bearerAuth(CLIENT_TOKEN).header("Origin", "http://localhost:3000"));
        Reply other = api.send(HttpRequest.GET("/users/u1/inbox").bearerAuth(CLIENT_TOKEN).header("Origin", "https://evil.example"));

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(allowed.header("Vary")).contains("Origin");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        assertApiError(api.send(preflight("/users/u1/inbox", "https://evil.example")), 403, "authentication_error",
                "is not in herald.cors.allowed-origins");
    }

    @Test
    void theAdminApiNeverAnswersAnotherOrigin() {
        assertApiError(api.send(preflight("/messages", "https://app.example.org")), 403, "authentication_error", "Cross-origin calls reach only");
        messages.answerList(new Page<>(List.of(), null));
        // An allowed origin on localhost: Micronaut itself refuses other origins to a server bound to localhost.
        Reply admin = api.send(HttpRequest.GET("/messages").bearerAuth(FakeCallers.ADMIN_KEY).header("Origin", "http://localhost:3000"));
        assertThat(admin.status()).as("answered, for the same origin to read").isEqualTo(200);
        assertThat(admin.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void anAllowedOriginThatIsNotOneStopsStartUp() {
        assertThatThrownBy(() -> new CorsFilter(List.of("https://app.example.org/"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not an origin");
        assertThatThrownBy(() -> new CorsFilter(List.of("app.example.org"))).isInstanceOf(ConfigurationException.class);
    }
}
