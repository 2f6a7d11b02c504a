package io.herald.adapters.outbound.providers.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.application.port.out.WebhookCaller;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fetch-data calls on the JDK's HTTP client. A string body is sent as it is, an object or array as JSON (with
 * {@code Content-Type: application/json} unless the step sets its own). The answer must be a JSON object.
 */
@Singleton
class JdkWebhookCaller implements WebhookCaller {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final FetchDataSettings settings;
    private final HttpClient client;

    JdkWebhookCaller(FetchDataSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public Result call(Request request) {
        HttpRequest http;
        try {
            http = build(request);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return new Failed("the request could not be built: " + e.getMessage());
        }
        try {
            HttpResponse<InputStream> response = client.send(http, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(settings.getMaxResponseBytes() + 1);
            }
            if (response.statusCode() / 100 != 2) {
                return new Failed("answered " + response.statusCode());
            }
            if (body.length > settings.getMaxResponseBytes()) {
                return new Failed("answered more than " + settings.getMaxResponseBytes() + " bytes");
            }
            return read(body);
        } catch (HttpTimeoutException e) {
            return new Failed("no answer within " + settings.getTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return new Failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted");
        }
    }

    private HttpRequest build(Request request) throws JsonProcessingException {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(request.url())).timeout(settings.getTimeout())
                .header("Accept", "application/json");
        boolean jsonBody = request.body().isPresent() && !(request.body().get() instanceof String);
        if (jsonBody && request.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            http.header("Content-Type", "application/json");
        }
        request.headers().forEach(http::setHeader);
        String body = request.body().isEmpty() ? null
                : jsonBody ? JSON.writeValueAsString(request.body().get()) : (String) request.body().get();
        http.method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.build();
    }

    private static Result read(byte[] body) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return new Fetched(Map.of());
        }
        try {
            Object parsed = JSON.readValue(body, Object.class);
            if (!(parsed instanceof Map<?, ?>)) {
                return new Failed("answered JSON that is not an object");
            }
            return new Fetched(JSON.convertValue(parsed, JSON_OBJECT));
        } catch (IOException e) {
            return new Failed("answered something that is not JSON");
        }
    }
}
