package io.herald.adapters.outbound.providers.fcm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.herald.adapters.outbound.providers.ProviderFailures;
import io.herald.adapters.outbound.providers.ProviderOverride;
import io.herald.adapters.outbound.providers.RemoteSender;
import io.herald.application.port.out.ChannelSender;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.routing.Channel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Push through the FCM HTTP v1 API, one request per device token of the recipient, authorised by an OAuth2 access
 * token of the configured service account (see ADR 0004). The message is built from the rendered push
 * ({@code notification.title/body}, {@code data} with string values, plus Herald's message id so the app can report
 * opens), then the send request's override is deep-merged into it ({@code android}, {@code apns}, {@code webpush},
 * {@code fcm_options}…); the device token is always Herald's.
 */
@Singleton
@Requires(property = "herald.providers.fcm.credentials-file")
class FcmSender extends RemoteSender {

    static final String NAME = "fcm";
    /** The {@code data} key that carries Herald's message id to the device. */
    static final String MESSAGE_ID_KEY = ChannelSender.MESSAGE_ID_TAG;
    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GoogleCredentials credentials;
    private final URI sendUri;
    private final Duration readTimeout;
    private final HttpClient http;

    private final Map<String, String> shown;

    FcmSender(FcmSettings settings) {
        super(NAME, Channel.PUSH);
        ServiceAccountCredentials serviceAccount = serviceAccount(settings.credentialsFile());
        String projectId = settings.projectId() != null && !settings.projectId().isBlank()
                ? settings.projectId() : serviceAccount.getProjectId();
        if (projectId == null || projectId.isBlank()) {
            throw new IllegalStateException("herald.providers.fcm.project-id must be set: the service-account file names no project_id");
        }
        // One token request per refresh: Herald's pipeline retries a failed attempt with backoff, and the
        // library's own retries would hold a delivery worker for seconds.
        this.credentials = serviceAccount.createWithCustomRetryStrategy(false).createScoped(List.of(SCOPE));
        URI baseUrl = URI.create(settings.baseUrl().replaceAll("/+$", ""));
        if (baseUrl.getRawAuthority() == null || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))) {
            throw new IllegalStateException("herald.providers.fcm.base-url must be an http(s) URL, like https://fcm.googleapis.com");
        }
        this.sendUri = URI.create(baseUrl + "/v1/projects/" + URLEncoder.encode(projectId, StandardCharsets.UTF_8) + "/messages:send");
        this.readTimeout = settings.readTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.shown = shown("project", projectId, "service account", settings.credentialsFile(), "base URL", baseUrl.toString(),
                "timeouts", settings.connectTimeout().toMillis() + " ms to connect, " + settings.readTimeout().toMillis() + " ms to read");
    }

    @Override
    public Map<String, String> settings() {
        return shown;
    }

    @Override
    protected DeliveryResult attempt(Delivery delivery) {
        if (delivery.pushTokens() == null || delivery.pushTokens().isEmpty()) {
            return new DeliveryResult.PermanentFailure(NAME + ": the recipient has no push token");
        }
        try {
            return sendToEveryDevice(delivery, accessToken());
        } catch (IOException noAccessToken) {
            return tokenFailure(noAccessToken);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.TransientFailure(NAME + ": interrupted");
        }
    }

    /**
     * Sent when at least one device accepted the message, with the FCM message name of the first that did. When
     * none did, a failure that may pass wins over a permanent one: trying again could still reach that device.
     */
    private DeliveryResult sendToEveryDevice(Delivery delivery, String accessToken) throws InterruptedException {
        DeliveryResult.Sent firstAccepted = null;
        List<DeliveryResult> failures = new ArrayList<>();
        for (String deviceToken : delivery.pushTokens()) {
            DeliveryResult result = sendTo(deviceToken, delivery, accessToken);
            if (result instanceof DeliveryResult.Sent accepted) {
                firstAccepted = firstAccepted == null ? accepted : firstAccepted;
            } else {
                failures.add(result);
            }
        }
        return firstAccepted != null ? firstAccepted : mostRelevant(failures);
    }

    private DeliveryResult sendTo(String deviceToken, Delivery delivery, String accessToken) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(sendUri)
                    .timeout(readTimeout)
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("message", message(deviceToken, delivery)))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                return new DeliveryResult.Sent(messageName(response.body()));
            }
            return ProviderFailures.forStatus(response.statusCode(), NAME + " " + response.statusCode() + errorDetail(response.body()));
        } catch (JsonProcessingException unwritable) {
            return new DeliveryResult.PermanentFailure(NAME + ": the message cannot be sent as JSON (" + ProviderFailures.describe(unwritable) + ")");
        } catch (IOException e) {
            return ProviderFailures.unreachable(NAME, e);
        }
    }

    private Map<String, Object> message(String deviceToken, Delivery delivery) throws JsonProcessingException {
        Map<String, Object> content = delivery.content();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("token", deviceToken);
        Map<String, Object> notification = new LinkedHashMap<>();
        if (content.get("title") != null) {
            notification.put("title", String.valueOf(content.get("title")));
        }
        if (content.get("body") != null) {
            notification.put("body", String.valueOf(content.get("body")));
        }
        if (!notification.isEmpty()) {
            message.put("notification", notification);
        }
        Map<String, Object> data = data(content.get("data"));
        data.putIfAbsent(MESSAGE_ID_KEY, delivery.messageId().value());
        message.put("data", data);
        Map<String, Object> merged = JsonTrees.deepMerge(message, ProviderOverride.fields(delivery.override()));
        merged.put("token", deviceToken);
        return merged;
    }

    /** FCM names the message it accepted: {@code {"name":"projects/<project>/messages/<id>"}}. */
    private static String messageName(String body) {
        try {
            return JSON.readTree(body).path("name").asText(null);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** FCM takes only string values in {@code data}: text as it is, any other value as its JSON. */
    private static Map<String, Object> data(Object rendered) throws JsonProcessingException {
        Map<String, Object> data = new LinkedHashMap<>();
        if (rendered instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                if (field.getValue() != null) {
                    data.put(String.valueOf(field.getKey()),
                            field.getValue() instanceof String text ? text : JSON.writeValueAsString(field.getValue()));
                }
            }
        }
        return data;
    }

    /** The cached access token, refreshed from the service account's token endpoint when it is about to expire. */
    private String accessToken() throws IOException {
        credentials.refreshIfExpired();
        return credentials.getAccessToken().getTokenValue();
    }

    /** A token endpoint that answers 4xx refuses the service account (revoked key, wrong file): that will not pass. */
    private static DeliveryResult tokenFailure(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException refused) {
                return ProviderFailures.forStatus(refused.getStatusCode(), NAME + ": access token refused, token endpoint answered "
                        + refused.getStatusCode() + tokenErrorDetail(refused.getContent()));
            }
        }
        return ProviderFailures.unreachable(NAME + " access token", e);
    }

    /** OAuth2 errors read {@code {"error":"invalid_grant","error_description":"…"}}. */
    private static String tokenErrorDetail(String body) {
        try {
            JsonNode error = body == null ? null : JSON.readTree(body);
            if (error != null && error.hasNonNull("error")) {
                String description = error.path("error_description").asText("");
                return ": " + ProviderFailures.brief(error.get("error").asText() + (description.isEmpty() ? "" : " (" + description + ")"));
            }
        } catch (JsonProcessingException notJson) {
            // Not an OAuth2 error body: the status says enough.
        }
        return "";
    }

    /**
     * FCM's errors read {@code {"error":{"code","message","status","details":[{"@type":"…FcmError","errorCode"}]}}};
     * the FCM error code ({@code UNREGISTERED}, {@code SENDER_ID_MISMATCH}, {@code QUOTA_EXCEEDED}…) is the most
     * precise, then the API status ({@code INVALID_ARGUMENT}…).
     */
    private static String errorDetail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.isObject()) {
                String code = error.path("status").asText("");
                for (JsonNode detail : error.path("details")) {
                    if (detail.path("@type").asText("").endsWith("FcmError") && detail.hasNonNull("errorCode")) {
                        code = detail.get("errorCode").asText();
                    }
                }
                return (code.isEmpty() ? "" : " " + code) + ": " + ProviderFailures.brief(error.path("message").asText(""));
            }
        } catch (JsonProcessingException notJson) {
            // A proxy's or load balancer's page: its text is the best explanation there is.
        }
        return ": " + ProviderFailures.brief(body);
    }

    private static DeliveryResult mostRelevant(List<DeliveryResult> failures) {
        DeliveryResult chosen = failures.stream()
                .filter(DeliveryResult.TransientFailure.class::isInstance)
                .findFirst()
                .orElse(failures.get(0));
        if (failures.size() == 1) {
            return chosen;
        }
        String suffix = " (all " + failures.size() + " devices failed)";
        return chosen instanceof DeliveryResult.TransientFailure transientFailure
                ? new DeliveryResult.TransientFailure(transientFailure.error() + suffix, transientFailure.statusCode(),
                        transientFailure.timeout(), true)
                : new DeliveryResult.PermanentFailure(((DeliveryResult.PermanentFailure) chosen).error() + suffix,
                        ((DeliveryResult.PermanentFailure) chosen).statusCode());
    }

    private static ServiceAccountCredentials serviceAccount(String credentialsFile) {
        if (credentialsFile == null || credentialsFile.isBlank()) {
            throw new IllegalStateException("herald.providers.fcm.credentials-file must be set to send push with FCM");
        }
        byte[] json;
        try {
            json = Files.readAllBytes(Path.of(credentialsFile));
        } catch (IOException e) {
            throw new IllegalStateException("herald.providers.fcm.credentials-file cannot be read: " + ProviderFailures.describe(e));
        }
        try {
            return ServiceAccountCredentials.fromStream(new ByteArrayInputStream(json));
        } catch (IOException | RuntimeException e) {
            // The parser's message may quote the file, which holds a private key: only its kind is told.
            throw new IllegalStateException("herald.providers.fcm.credentials-file " + credentialsFile + " is not a Google "
                    + "service-account key file (JSON with type service_account, client_email, private_key…): "
                    + e.getClass().getSimpleName());
        }
    }
}
