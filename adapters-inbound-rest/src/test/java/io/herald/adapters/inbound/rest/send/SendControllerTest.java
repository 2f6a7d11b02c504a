package io.herald.adapters.inbound.rest.send;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingSendMessage;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.errors.ConflictException;
import io.herald.application.port.in.SendMessageCommand;
import io.herald.application.port.in.SendMessageUseCase.SendResult;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.message.Recipient;
import io.herald.domain.profile.UserId;
import io.herald.domain.template.Content;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static io.herald.adapters.inbound.rest.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class SendControllerTest extends ApiTest {

    private static final String ORDER_RECEIPT = """
            {"message": {
              "to": {"user_id": "user_123", "email": "alex@example.com", "data": {"tier": "gold"}},
              "template": "order-completed",
              "data": {"order_id": "ORD-78912", "total": 149.99},
              "routing": {"method": "single", "channels": ["email", {"method": "all", "channels": ["sms", "push"]}]},
              "delay": {"duration": 60000},
              "timeout": {"escalation": 3600000, "criteria": "delivered"},
              "metadata": {"event": "Order Completed"},
              "preferences": {"subscription_topic_id": "orders"}
            }}""";

    @Inject
    RecordingSendMessage send;

    @Test
    void aSendIsAcceptedWithTheRequestIdTheUseCaseGave() {
        send.answer(new SendResult("1-0192a3b4c5d6-aabbccddeeff0011", List.of("1-0192a3b4c5d6-aabbccddeeff0011")));

        Reply reply = api.post("/send", ORDER_RECEIPT);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json()).isEqualTo(Json.parse("{\"requestId\": \"1-0192a3b4c5d6-aabbccddeeff0011\"}"));
    }

    @Test
    void theMessageObjectBecomesTheSpecFieldByField() {
        api.post("/send", ORDER_RECEIPT);

        MessageSpec spec = send.onlyCommand().spec();
        assertThat(spec.to()).containsExactly(new Recipient(Optional.of(UserId.of("user_123")), Optional.of("alex@example.com"),
                Optional.empty(), Optional.empty(), Map.of("tier", "gold")));
        assertThat(spec.template()).contains("order-completed");
        assertThat(spec.content()).isEmpty();
        assertThat(spec.data()).isEqualTo(Map.of("order_id", "ORD-78912", "total", 149.99));
        assertThat(spec.routing().orElseThrow().toJson())
                .isEqualTo(Json.parse("{\"method\": \"single\", \"channels\": [\"email\", {\"method\": \"all\", \"channels\": [\"sms\", \"push\"]}]}"));
        assertThat(spec.delay().orElseThrow().duration()).contains(Duration.ofMinutes(1));
        assertThat(spec.escalation()).isPresent();
        assertThat(spec.metadataEvent()).contains("Order Completed");
        assertThat(spec.topicId()).contains("orders");
        assertThat(spec.raw()).isEqualTo(((Map<?, ?>) Json.parse(ORDER_RECEIPT)).get("message"));
    }

    @Test
    void inlineContentToSeveralRecipientsAndAList() {
        send.answer(new SendResult("req-7", List.of("1-a", "1-b")));

        Reply reply = api.post("/send", """
                {"message": {"to": [{"user_id": "u1"}, {"phone_number": "+15555550100"}, {"list_id": "beta-testers"}],
                             "content": {"title": "Maintenance", "body": "Back at {{time}}"}}}""");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"requestId\": \"req-7\"}"));
        MessageSpec spec = send.onlyCommand().spec();
        assertThat(spec.to()).extracting(Recipient::displayName).containsExactly("u1", "+15555550100", "beta-testers");
        assertThat(spec.to().get(2).isList()).isTrue();
        assertThat(spec.content()).map(Content::title).contains("Maintenance");
        assertThat(spec.template()).isEmpty();
    }

    @Test
    void theIdempotencyKeyAndADigestOfTheExactBodyGoWithTheCommand() throws Exception {
        api.send(asAdmin(HttpRequest.POST("/send", ORDER_RECEIPT).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", "order-78912-receipt")));

        SendMessageCommand command = send.onlyCommand();
        assertThat(command.idempotencyKey()).contains("order-78912-receipt");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ORDER_RECEIPT.getBytes(StandardCharsets.UTF_8)));
        assertThat(command.requestHash()).isEqualTo(sha256);
    }

    @Test
    void withoutAnIdempotencyKeyTheCommandHasNone() {
        api.post("/send", ORDER_RECEIPT);

        assertThat(send.onlyCommand().idempotencyKey()).isEmpty();
    }

    @Test
    void theSameMessageWrittenDifferentlyIsADifferentRequest() {
        api.post("/send", ORDER_RECEIPT);
        String first = send.onlyCommand().requestHash();
        send.reset();

        api.post("/send", ORDER_RECEIPT.replace("\n", " "));

        assertThat(send.onlyCommand().requestHash()).isNotEqualTo(first);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherBodyIsAConflict() {
        send.failWith(new ConflictException("Idempotency-Key 'k1' was used for a different request"));

        Reply reply = api.send(asAdmin(HttpRequest.POST("/send", ORDER_RECEIPT).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", "k1")));

        assertApiError(reply, 409, "conflict", "Idempotency-Key 'k1' was used for a different request");
    }

    @Test
    void anIdempotencyKeyLongerThan255CharactersIsRefused() {
        Reply reply = api.send(asAdmin(HttpRequest.POST("/send", ORDER_RECEIPT).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", "k".repeat(256))));
        Reply muchLonger = api.send(asAdmin(HttpRequest.POST("/send", ORDER_RECEIPT).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", "k".repeat(300))));

        assertBadRequest(reply, "Idempotency-Key must be 1 to 255 characters");
        assertBadRequest(muchLonger, "Idempotency-Key must be 1 to 255 characters");
        assertThat(send.calls()).isEmpty();
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertBadRequest(api.send(asAdmin(HttpRequest.POST("/send", "").contentType(MediaType.APPLICATION_JSON_TYPE))), "body is required");
        assertThat(send.calls()).isEmpty();
    }

    @Test
    void malformedJsonIsRefused() {
        assertBadRequest(api.post("/send", "{\"message\": {\"to\": "), "Malformed JSON");
        assertThat(send.calls()).isEmpty();
    }

    @Test
    void aBodyWithoutAMessageObjectIsRefused() {
        Reply withoutMessage = api.post("/send", "{\"to\": {\"user_id\": \"u1\"}, \"template\": \"t\"}");
        assertBadRequest(withoutMessage, "message is required and must be an object");
        assertThat(withoutMessage.object()).containsEntry("message", "message is required and must be an object");
        assertBadRequest(api.post("/send", "[{\"message\": {}}]"), "message is required and must be an object");
        assertThat(send.calls()).isEmpty();
    }

    @Test
    void aMessageWithoutRecipientIsRefusedNamingTheField() {
        assertBadRequest(api.post("/send", "{\"message\": {\"template\": \"welcome\"}}"), "message.to is required");
        assertThat(send.calls()).isEmpty();
    }

    @Test
    void aMessageTheSpecCannotReadIsRefusedNamingTheFieldAndNothingIsSent() {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("{\"to\": {}, \"template\": \"welcome\"}", "message.to needs user_id, email, phone_number or list_id");
        refusals.put("{\"to\": [], \"template\": \"welcome\"}", "message.to must not be an empty array");
        refusals.put("{\"to\": [{\"user_id\": \"u\"}, \"v\"], \"template\": \"welcome\"}", "message.to[1] must be an object");
        refusals.put("{\"to\": {\"user_id\": 42}, \"template\": \"welcome\"}", "message.to.user_id must be a non-empty string");
        refusals.put("{\"to\": {\"user_id\": \"u\"}, \"template\": \"welcome\", \"data\": [1]}", "message.data must be an object");
        refusals.put("{\"to\": {\"user_id\": \"u\"}, \"template\": \"welcome\", \"delay\": {\"duration\": \"soon\"}}",
                "message.delay.duration 'soon'");
        refusals.put("{\"to\": {\"user_id\": \"u\"}, \"content\": {\"title\": \"Hi\"}}", "message.content.body is required");
        refusals.put("{\"to\": {\"user_id\": \"u\"}, \"template\": \"welcome\", \"routing\": {\"method\": \"some\", \"channels\": [\"email\"]}}",
                "message.routing.method must be \"single\" or \"all\"");

        refusals.forEach((message, expected) -> assertBadRequest(api.post("/send", "{\"message\": " + message + "}"), expected));
        assertThat(send.calls()).isEmpty();
    }

    @Test
    void aMessageWithBothTemplateAndContentIsRefused() {
        Reply reply = api.post("/send", """
                {"message": {"to": {"user_id": "u1"}, "template": "welcome", "content": {"title": "Hi", "body": "there"}}}""");

        assertBadRequest(reply, "message: send either template or content, not both");
        assertThat(send.calls()).isEmpty();
    }

    @Test
    void anUnknownRoutingChannelIsRefusedNamingItsPlace() {
        Reply reply = api.post("/send", """
                {"message": {"to": {"user_id": "u1"}, "template": "welcome", "routing": {"method": "single", "channels": ["email", "fax"]}}}""");

        assertBadRequest(reply, "message.routing.channels[1] 'fax' is neither a channel (email, sms, push, inbox) nor a provider Herald has");
        assertThat(send.calls()).isEmpty();
    }

    @Test
    void textThatCannotBeStoredIsRefusedNamingTheField() {
        Reply reply = api.post("/send", "{\"message\": {\"to\": {\"user_id\": \"u1\"}, \"template\": \"t\", \"data\": {\"note\": \"a\\u0000b\"}}}");

        assertBadRequest(reply, "message.data.note contains U+0000 (NUL)");
        assertThat(send.calls()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonByItsContentTypeIsRefusedBeforeItIsRead() {
        Reply reply = api.send(asAdmin(HttpRequest.POST("/send", ORDER_RECEIPT).contentType(MediaType.TEXT_PLAIN_TYPE)));

        assertApiError(reply, 415, "invalid_request_error", "Content-Type must be application/json, not text/plain");
        assertThat(send.calls()).isEmpty();
    }

    @Test
    void anAnonymousSendIsRefused() {
        Reply reply = api.send(HttpRequest.POST("/send", ORDER_RECEIPT).contentType(MediaType.APPLICATION_JSON_TYPE));

        assertApiError(reply, 401, "authentication_error", "Missing API key");
        assertThat(send.calls()).isEmpty();
    }
}
