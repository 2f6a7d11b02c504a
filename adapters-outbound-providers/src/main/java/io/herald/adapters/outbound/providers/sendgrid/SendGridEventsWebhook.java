package io.herald.adapters.outbound.providers.sendgrid;

import com.sendgrid.helpers.eventwebhook.EventWebhook;
import com.sendgrid.helpers.eventwebhook.EventWebhookHeader;
import io.herald.application.port.in.RecordEngagementUseCase;
import io.herald.application.port.in.RecordEngagementUseCase.EngagementReport;
import io.herald.application.port.in.RecordEngagementUseCase.Kind;
import io.herald.application.port.out.Clock;
import io.herald.domain.message.MessageId;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SendGrid's signed event webhook: a JSON array of events, trusted only if the ECDSA signature over the
 * timestamp and the raw body verifies with the configured public key (the SDK's {@link EventWebhook}). Herald's
 * message id comes back in each event as the custom arg {@link SendGridSender} gave the message
 * ({@value SendGridSender#MESSAGE_ID_ARG}). A refusal is an {@link HttpStatusException}, which the application's
 * error processor answers in Herald's one error format; this adapter does not know that format.
 */
@Controller("/webhooks/sendgrid")
@ExecuteOn(TaskExecutors.BLOCKING)
class SendGridEventsWebhook {

    private final RecordEngagementUseCase engagement;
    private final JsonMapper json;
    private final ECPublicKey publicKey;
    private final Duration maxAge;
    private final Clock clock;

    SendGridEventsWebhook(RecordEngagementUseCase engagement, JsonMapper json,
                          SendGridSettings settings, Clock clock) {
        this.engagement = engagement;
        this.json = json;
        this.maxAge = settings.webhookMaxAge();
        this.clock = clock;
        String publicKey = settings.webhookPublicKey();
        this.publicKey = publicKey == null || publicKey.isBlank() ? null : SendGridWebhookKey.parse(publicKey)
                .orElseThrow(() -> new IllegalStateException("herald.providers.sendgrid.webhook-public-key is not an ECDSA public key"));
    }

    @Post("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> events(@Nullable @Header("X-Twilio-Email-Event-Webhook-Signature") String signature,
                           @Nullable @Header("X-Twilio-Email-Event-Webhook-Timestamp") String timestamp,
                           @Nullable @Body byte[] body) {
        if (publicKey == null) {
            throw forbidden("SendGrid events are refused: herald.providers.sendgrid.webhook-public-key is not configured");
        }
        if (signature == null || timestamp == null || body == null || !verified(body, signature, timestamp)) {
            throw forbidden("Invalid " + EventWebhookHeader.SIGNATURE.name);
        }
        if (!isRecent(timestamp)) {
            throw forbidden("The signed request is older than " + maxAge + " (herald.providers.sendgrid.webhook-max-age): "
                    + "a replay, or a clock far off");
        }
        List<Map<String, Object>> events;
        try {
            events = json.readValue(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new InvalidValueException("body must be a JSON array of SendGrid events");
        }
        for (Map<String, Object> event : events) {
            report(event).ifPresent(engagement::record);
        }
        return HttpResponse.ok();
    }

    /** The signature's timestamp is within the window, either side (a sender's clock may run a little ahead). */
    private boolean isRecent(String timestamp) {
        try {
            Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
            return Duration.between(signedAt, clock.now()).abs().compareTo(maxAge) <= 0;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }

    private boolean verified(byte[] body, String signature, String timestamp) {
        try {
            return new EventWebhook().VerifySignature(publicKey, body, signature, timestamp);
        } catch (GeneralSecurityException | IOException | RuntimeException malformed) {
            return false;
        }
    }

    private static Optional<EngagementReport> report(Map<String, Object> event) {
        Optional<Kind> kind = switch (String.valueOf(event.get("event"))) {
            case "delivered" -> Optional.of(Kind.DELIVERED);
            case "open" -> Optional.of(Kind.OPENED);
            case "click" -> Optional.of(Kind.CLICKED);
            case "bounce" -> Optional.of(Kind.BOUNCED);
            case "dropped" -> Optional.of(Kind.FAILED);
            default -> Optional.empty();
        };
        Optional<MessageId> messageId = text(event.get(SendGridSender.MESSAGE_ID_ARG)).map(MessageId::new);
        // sg_message_id is SendGrid's X-Message-Id followed by a suffix of its own.
        Optional<String> providerId = text(event.get("sg_message_id")).map(id -> id.contains(".") ? id.substring(0, id.indexOf('.')) : id);
        if (kind.isEmpty() || (messageId.isEmpty() && providerId.isEmpty())) {
            return Optional.empty();
        }
        Instant at = event.get("timestamp") instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : Instant.now();
        Optional<String> detail = text(event.get("reason")).or(() -> text(event.get("response")));
        return Optional.of(new EngagementReport(SendGridSender.NAME, messageId, providerId, kind.get(), at, detail, text(event.get("sg_event_id"))));
    }

    private static Optional<String> text(Object value) {
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    private static HttpStatusException forbidden(String message) {
        return new HttpStatusException(HttpStatus.FORBIDDEN, message);
    }
}
