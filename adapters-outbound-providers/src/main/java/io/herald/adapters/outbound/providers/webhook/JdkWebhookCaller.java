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
import java.util.Optional;
import java.util.Set;

/**
 * Fetch-data calls on the JDK's HTTP client. A string body is sent as it is, an object or array as JSON (with
 * {@code Content-Type: application/json} unless the step sets its own). The answer must be a JSON object.
 */
@Singleton
class JdkWebhookCaller implements WebhookCaller {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private static final int MAX_REDIRECTS = 5;

    private final FetchDataSettings settings;
    private final PublicAddresses addresses;
    private final HttpClient client;

    JdkWebhookCaller(FetchDataSettings settings) {
        this.settings = settings;
        this.addresses = new PublicAddresses(Set.copyOf(settings.allowedHosts()));
        // Redirects are followed here, not by the client, so that each hop's address is checked as the first was.
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Optional<String> refusal(String urlTemplate) {
        int placeholder = urlTemplate.indexOf("{{");
        try {
            URI url = URI.create(placeholder < 0 ? urlTemplate : urlTemplate.substring(0, placeholder));
            // A host that comes from data ("https://{{host}}/…") is only known at call time.
            if (url.getHost() == null && placeholder >= 0 && urlTemplate.substring(0, placeholder).matches("https?://[^/]*")) {
                return Optional.empty();
            }
            return addresses.staticRefusal(url);
        } catch (IllegalArgumentException notAUrlYet) {
            return Optional.empty();
        }
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
            for (int hop = 0; ; hop++) {
                Optional<String> refused = addresses.refusal(http.uri());
                if (refused.isPresent()) {
                    return new Failed(refused.get());
                }
                HttpResponse<InputStream> response = client.send(http, HttpResponse.BodyHandlers.ofInputStream());
                Optional<String> location = response.headers().firstValue("Location");
                if (isRedirect(response.statusCode()) && location.isPresent()) {
                    response.body().close();
                    if (hop == MAX_REDIRECTS) {
                        return new Failed("redirected more than " + MAX_REDIRECTS + " times");
                    }
                    http = redirected(http, response.statusCode(), http.uri().resolve(location.get()));
                    continue;
                }
                return answer(response);
            }
        } catch (HttpTimeoutException e) {
            return new Failed("no answer within " + settings.timeout().toMillis() + " ms");
        } catch (IOException | IllegalArgumentException e) {
            return new Failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted");
        }
    }

    private Result answer(HttpResponse<InputStream> response) throws IOException {
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(settings.maxBytes() + 1);
        }
        if (response.statusCode() / 100 != 2) {
            return new Failed("answered " + response.statusCode());
        }
        if (body.length > settings.maxBytes()) {
            return new Failed("answered more than " + settings.maxBytes() + " bytes");
        }
        return read(body);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** 307 and 308 repeat the request as it was; the others continue with a GET, as browsers do. */
    private HttpRequest redirected(HttpRequest previous, int status, URI target) {
        if (status == 307 || status == 308) {
            return HttpRequest.newBuilder(previous, (name, value) -> true).uri(target).build();
        }
        HttpRequest.Builder next = HttpRequest.newBuilder(target).timeout(settings.timeout()).GET();
        previous.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> next.header(name, value));
            }
        });
        return next.build();
    }

    private HttpRequest build(Request request) throws JsonProcessingException {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(request.url())).timeout(settings.timeout())
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
