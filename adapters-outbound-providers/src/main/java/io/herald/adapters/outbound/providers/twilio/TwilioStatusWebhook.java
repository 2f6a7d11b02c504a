package io.herald.adapters.outbound.providers.twilio;

import com.twilio.security.RequestValidator;
import io.herald.application.port.in.RecordEngagementUseCase;
import io.herald.application.port.in.RecordEngagementUseCase.EngagementReport;
import io.herald.application.port.in.RecordEngagementUseCase.Kind;
import io.herald.application.port.out.Clock;
import io.herald.domain.json.StorableText;
import io.herald.domain.message.MessageId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Map;
import java.util.Optional;

/**
 * Twilio's message status callbacks. The request is trusted only if {@code X-Twilio-Signature} matches what
 * Twilio computes over the exact callback URL and the posted parameters (checked with the SDK's validator).
 * Herald's message id travels in the callback URL {@link TwilioSender} gave Twilio (see {@link TwilioStatusCallback},
 * which builds and reads it); Twilio's SID names the message too. A refusal is an {@link HttpStatusException}, which
 * the application's error processor answers in Herald's one error format; this adapter does not know that format.
 */
@Controller("/webhooks/twilio")
@ExecuteOn(TaskExecutors.BLOCKING)
class TwilioStatusWebhook {

    private final RecordEngagementUseCase engagement;
    private final Clock clock;
    private final RequestValidator validator;
    private final String callbackUrl;

    TwilioStatusWebhook(RecordEngagementUseCase engagement, Clock clock, TwilioSettings settings) {
        this.engagement = engagement;
        this.clock = clock;
        String authToken = settings.authToken();
        this.validator = authToken == null || authToken.isBlank() ? null : new RequestValidator(authToken);
        this.callbackUrl = settings.statusCallbackUrl();
    }

    @Post("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> status(HttpRequest<?> request, @Nullable @Header("X-Twilio-Signature") String signature,
                           @Body Map<String, String> parameters) {
        if (validator == null) {
            throw forbidden("Twilio callbacks are refused: herald.providers.twilio.auth-token is not configured");
        }
        if (signature == null || !validator.validate(TwilioStatusCallback.signedUrl(callbackUrl, request), parameters, signature)) {
            throw forbidden("Invalid X-Twilio-Signature");
        }
        StorableText.requireIn(parameters, "");
        Optional<Kind> kind = kind(parameters.get("MessageStatus"));
        if (kind.isPresent()) {
            Optional<MessageId> messageId = TwilioStatusCallback.messageId(request);
            Optional<String> sid = Optional.ofNullable(parameters.get("MessageSid"));
            if (messageId.isPresent() || sid.isPresent()) {
                Optional<String> detail = Optional.ofNullable(parameters.get("ErrorCode"))
                        .map(code -> "twilio error " + code + Optional.ofNullable(parameters.get("ErrorMessage")).map(m -> ": " + m).orElse(""));
                // Twilio retries a callback it got no answer to: the same MessageSid and status acts once.
                Optional<String> receipt = sid.map(id -> id + "/" + parameters.get("MessageStatus"));
                engagement.record(new EngagementReport(TwilioSender.NAME, messageId, sid, kind.get(), clock.now(), detail, receipt));
            }
        }
        return HttpResponse.ok();
    }

    private static Optional<Kind> kind(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status) {
            case "delivered" -> Optional.of(Kind.DELIVERED);
            case "read" -> Optional.of(Kind.OPENED);
            case "undelivered", "failed" -> Optional.of(Kind.FAILED);
            default -> Optional.empty();
        };
    }

    private static HttpStatusException forbidden(String message) {
        return new HttpStatusException(HttpStatus.FORBIDDEN, message);
    }
}
