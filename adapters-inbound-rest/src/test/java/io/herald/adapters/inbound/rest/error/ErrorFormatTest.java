package io.herald.adapters.inbound.rest.error;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.FakeCallers;
import io.herald.adapters.inbound.rest.fakes.RecordingManageProfiles;
import io.herald.adapters.inbound.rest.fakes.RecordingQueryMessages;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.errors.ConflictException;
import io.herald.application.errors.UnauthenticatedException;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.herald.adapters.inbound.rest.support.Api.asAdmin;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error the API gives is the one JSON shape {@code {"message", "type"}}, with the status that fits it. */
@MicronautTest
class ErrorFormatTest extends ApiTest {

    @Inject
    RecordingManageProfiles profiles;

    @Inject
    RecordingQueryMessages messages;

    @Inject
    EmbeddedServer server;

    @Test
    void anUnknownRouteIsANotFound() {
        Reply reply = api.get("/no/such/path");

        assertApiError(reply, 404, "not_found", "");
        assertThat((String) reply.object().get("message")).isEqualTo("Page Not Found");
    }

    @Test
    void aMethodARouteDoesNotTakeIsRefused() {
        Reply reply = api.delete("/send");

        assertApiError(reply, 405, "invalid_request_error", "DELETE");
    }

    @Test
    void aBodyThatIsNotJsonAtAllIsABadRequestSayingSo() {
        Reply reply = api.post("/profiles/u1", "{\"profile\": {\"name\": \"x\", ");

        assertBadRequest(reply, "");
        assertThat((String) reply.object().get("message")).containsIgnoringCase("JSON");
        assertThat(profiles.calls()).isEmpty();
    }

    @Test
    void aFieldOfTheWrongTypeIsABadRequestSayingWhatWasWrongWithoutTheParsersInternals() {
        Reply reply = api.post("/test-probe/echo", "{\"name\": \"x\", \"count\": \"many\"}");

        assertBadRequest(reply, "integer");
        assertThat(reply.body()).doesNotContain("Source:");
    }

    @Test
    void aBodyOfTheRightShapeGoesThroughTheSameFiltersAndHandlers() {
        Reply reply = api.post("/test-probe/echo", "{\"name\": \"x\", \"count\": 3}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"name\": \"x\", \"count\": 3}"));
    }

    @Test
    void aBodyOfTheWrongJsonShapeIsABadRequest() {
        assertBadRequest(api.post("/profiles/u1", "[{\"profile\": {}}]"), "");
        assertThat(profiles.calls()).isEmpty();
    }

    @Test
    void aMissingBodyIsABadRequest() {
        assertBadRequest(api.send(asAdmin(HttpRequest.POST("/profiles/u1", "").contentType(MediaType.APPLICATION_JSON_TYPE))), "");
        assertThat(profiles.calls()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedBeforeItIsRead() {
        Reply reply = api.send(asAdmin(HttpRequest.POST("/profiles/u1", "<profile/>").contentType(MediaType.APPLICATION_XML_TYPE)));

        assertApiError(reply, 415, "invalid_request_error", "Content-Type must be application/json, not application/xml");
        assertThat(profiles.calls()).isEmpty();
    }

    @Test
    void formFieldsAreNotJsonOutsideTwiliosCallbacks() {
        Reply reply = api.send(asAdmin(HttpRequest.POST("/profiles/u1", "profile=x").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)));

        assertApiError(reply, 415, "invalid_request_error", "Content-Type must be application/json, not application/x-www-form-urlencoded");
        assertThat(profiles.calls()).isEmpty();
    }

    @Test
    void aJsonSubtypeTheRouteDoesNotReadIsRefusedInTheSameFormat() {
        Reply reply = api.send(asAdmin(HttpRequest.POST("/profiles/u1", "{\"profile\": {\"plan\": \"pro\"}}")
                .contentType("application/merge-patch+json")));

        assertApiError(reply, 415, "invalid_request_error", "application/merge-patch+json");
        assertThat(profiles.calls()).isEmpty();
    }

    @Test
    void textPlainIsJsonOnlyOnTheSegmentPaths() {
        Reply segment = api.send(asAdmin(HttpRequest.POST("/segment", "{\"type\": \"track\"}").contentType(MediaType.TEXT_PLAIN_TYPE)));
        Reply send = api.send(asAdmin(HttpRequest.POST("/send", "{\"message\": {}}").contentType(MediaType.TEXT_PLAIN_TYPE)));

        assertApiError(segment, 404, "not_found", "");
        assertApiError(send, 415, "invalid_request_error", "Content-Type must be application/json, not text/plain");
    }

    /** Twilio posts form fields; the callback itself lives with the Twilio sender, so a form gets past the check to no route. */
    @Test
    void formsOnlyOnTwilioCallbacks() {
        Reply json = api.send(HttpRequest.POST("/webhooks/twilio/status", "{\"MessageStatus\": \"delivered\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        Reply form = api.send(HttpRequest.POST("/webhooks/twilio/status", "MessageStatus=delivered")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        Reply formElsewhere = api.send(asAdmin(HttpRequest.POST("/send", "message=x").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)));

        assertApiError(json, 415, "invalid_request_error", "Content-Type must be application/x-www-form-urlencoded, not application/json");
        assertApiError(form, 404, "not_found", "");
        assertApiError(formElsewhere, 415, "invalid_request_error", "Content-Type must be application/json");
    }

    @Test
    void aMalformedEscapeInAPathIsRefused() throws IOException {
        // No HTTP client sends such a path, so it goes over a plain socket; the server refuses it before any filter.
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write(("GET /profiles/50%zz HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + FakeCallers.ADMIN_KEY
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400 ").containsIgnoringCase("content-type: application/json");
            assertThat(Json.parse(response.substring(response.indexOf("\r\n\r\n") + 4)))
                    .isEqualTo(Json.parse("{\"message\": \"Malformed URI\", \"type\": \"invalid_request_error\"}"));
        }
        assertThat(profiles.calls()).isEmpty();
    }

    @Test
    void aNulInAPathIsRefusedBeforeRouting() {
        assertBadRequest(api.get("/profiles/a%00b"), "the path contains U+0000 (NUL), which cannot be stored");
        assertThat(profiles.calls()).isEmpty();
    }

    @Test
    void aNulInAQueryParameterIsRefusedNamingIt() {
        assertBadRequest(api.get("/messages?cursor=abc%00"), "query parameter cursor contains U+0000 (NUL)");
        assertThat(messages.calls()).isEmpty();
    }

    @Test
    void aRefusalFromTheCoreKeepsItsMessage() {
        profiles.failWith(new InvalidValueException("profile.email must be a string"));

        assertBadRequest(api.post("/profiles/u1", "{\"profile\": {\"email\": 7}}"), "profile.email must be a string");
    }

    @Test
    void anUnauthenticatedRefusalFromTheCoreIsA401() {
        // The Segment adapter's refusals (a bad X-Signature, a missing write key) reach the caller through this handler.
        profiles.failWith(new UnauthenticatedException("Invalid X-Signature"));

        Reply reply = api.get("/profiles/u1");

        assertApiError(reply, 401, "authentication_error", "Invalid X-Signature");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aConflictFromTheCoreIsA409() {
        profiles.failWith(new ConflictException("patch[0]: test failed at /plan"));

        assertApiError(api.patch("/profiles/u1", "{\"patch\": [{\"op\": \"test\", \"path\": \"/plan\", \"value\": \"pro\"}]}"),
                409, "conflict", "patch[0]: test failed at /plan");
    }

    @Test
    void anUnexpectedFailureIsA500ThatTellsNothingOfItsCause() {
        profiles.failWith(new IllegalStateException("duplicate key value violates unique constraint; email=alex@example.com"));

        Reply reply = api.get("/profiles/u1");

        assertApiError(reply, 500, "api_error", "Herald could not complete the request; the failure is logged on the server");
        assertThat(reply.body()).doesNotContain("alex@example.com").doesNotContain("IllegalStateException");
    }
}
