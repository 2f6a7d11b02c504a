package io.herald.adapters.inbound.rest.send;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.herald.adapters.inbound.rest.reference.Schemas;
import io.herald.application.port.in.SendMessageCommand;
import io.herald.application.port.in.SendMessageUseCase;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.json.StorableText;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** Courier's send API: {@code POST /send} {@code {"message": {…}}} → 202 {@code {"requestId"}}. */
@Tag(name = "Send")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class SendController {

    private final SendMessageUseCase send;
    private final JsonMapper json;

    SendController(SendMessageUseCase send, JsonMapper json) {
        this.send = send;
        this.json = json;
    }

    @Post("/send")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = Schemas.SendRequest.class)))
    @ApiResponse(responseCode = "202", description = "stored: the message will be delivered",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Schemas.SendAccepted.class)))
    HttpResponse<Map<String, String>> send(@Nullable @Header("Idempotency-Key") String idempotencyKey, @Nullable @Body byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidValueException("body is required: {\"message\": {...}}");
        }
        Object parsed;
        try {
            parsed = json.readValue(body, Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            throw new InvalidValueException("Malformed JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        StorableText.requireIn(parsed, "");
        if (!(parsed instanceof Map<?, ?> request) || !(request.get("message") instanceof Map<?, ?> message)) {
            throw new InvalidValueException("message is required and must be an object");
        }
        var result = send.send(new SendMessageCommand(MessageSpec.parse(JsonTrees.asObject(message)),
                Optional.ofNullable(idempotencyKey), sha256(body)));
        return HttpResponse.status(HttpStatus.ACCEPTED).body(Map.of("requestId", result.requestId()));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
