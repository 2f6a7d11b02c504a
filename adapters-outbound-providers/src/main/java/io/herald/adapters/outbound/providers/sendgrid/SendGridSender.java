package io.herald.adapters.outbound.providers.sendgrid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import io.herald.adapters.outbound.providers.ProviderFailures;
import io.herald.adapters.outbound.providers.ProviderOverride;
import io.herald.adapters.outbound.providers.RemoteSender;
import io.herald.application.port.out.ChannelSender;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.routing.Channel;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email through SendGrid's v3 Mail Send API. The request body is built from the rendered email, then the
 * send request's override is deep-merged into it (any Mail Send field: {@code reply_to}, {@code categories},
 * {@code ip_pool_name}, {@code tracking_settings}…), then Herald's message id is set in {@code custom_args} so that
 * SendGrid's event webhook can name the message.
 */
@Singleton
@Requires(property = "herald.providers.sendgrid.api-key")
class SendGridSender extends RemoteSender {

    static final String NAME = "sendgrid";
    /** The {@code custom_args} key that carries Herald's message id to SendGrid and back in its events. */
    static final String MESSAGE_ID_ARG = ChannelSender.MESSAGE_ID_TAG;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAMED_ADDRESS = Pattern.compile("^(.*?)\\s*<([^<>\\s]+@[^<>\\s]+)>\\s*$");
    private static final int MAX_CONNECTIONS = 20;

    private final Map<String, Object> from;
    private final CloseableHttpClient http;
    private final SendGrid sendGrid;
    private final Map<String, String> shown;

    SendGridSender(SendGridSettings settings) {
        super(NAME, Channel.EMAIL);
        String apiKey = required(settings.apiKey(), "api-key");
        this.from = sender(required(settings.from(), "from"));
        this.shown = shown("api key", "set", "from", settings.from(), "base URL", settings.baseUrl(),
                "timeouts", settings.connectTimeout().toMillis() + " ms to connect, " + settings.readTimeout().toMillis() + " ms to read",
                "event webhook", settings.webhookPublicKey() == null || settings.webhookPublicKey().isBlank()
                        ? "off: no webhook-public-key, so POST /webhooks/sendgrid/events refuses every request"
                        : "signed events verified with the configured public key, at most " + settings.webhookMaxAge().toSeconds() + " s old");
        URI baseUrl = URI.create(settings.baseUrl());
        if (baseUrl.getRawAuthority() == null || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))) {
            throw new IllegalStateException("herald.providers.sendgrid.base-url must be an http(s) URL, like https://api.sendgrid.com");
        }
        int connectMillis = Math.toIntExact(settings.connectTimeout().toMillis());
        this.http = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connectMillis)
                        .setConnectionRequestTimeout(connectMillis)
                        .setSocketTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                        .build())
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setMaxConnTotal(MAX_CONNECTIONS)
                // A POST that may have reached SendGrid is not repeated here: Herald's pipeline retries with backoff.
                .disableAutomaticRetries()
                .build();
        this.sendGrid = new SendGrid(apiKey, new Client(http, "http".equals(baseUrl.getScheme())));
        sendGrid.setHost(baseUrl.getRawAuthority());
        String pathPrefix = trimSlashes(baseUrl.getRawPath());
        if (!pathPrefix.isEmpty()) {
            // The SDK builds the path as "/" + version + "/" + endpoint; a proxy's prefix goes in front of the version.
            sendGrid.setVersion(pathPrefix + "/" + sendGrid.getVersion());
        }
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
    }

    @Override
    public Map<String, String> settings() {
        return shown;
    }

    @Override
    protected DeliveryResult attempt(Delivery delivery) {
        if (delivery.address() == null || delivery.address().isBlank()) {
            return new DeliveryResult.PermanentFailure(NAME + ": the recipient has no email address");
        }
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        try {
            request.setBody(JSON.writeValueAsString(mail(delivery)));
            return outcome(sendGrid.api(request));
        } catch (JsonProcessingException unwritable) {
            return new DeliveryResult.PermanentFailure(NAME + ": the override cannot be sent as JSON ("
                    + ProviderFailures.describe(unwritable) + ")");
        } catch (IOException e) {
            return ProviderFailures.unreachable(NAME, e);
        }
    }

    private Map<String, Object> mail(Delivery delivery) {
        Map<String, Object> content = delivery.content();
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("personalizations", List.of(Map.of("to", List.of(Map.of("email", delivery.address())))));
        mail.put("from", from);
        if (content.get("subject") != null) {
            mail.put("subject", String.valueOf(content.get("subject")));
        }
        // SendGrid requires text/plain before text/html.
        List<Map<String, Object>> parts = new ArrayList<>();
        if (content.get("text") != null) {
            parts.add(Map.of("type", "text/plain", "value", String.valueOf(content.get("text"))));
        }
        if (content.get("html") != null) {
            parts.add(Map.of("type", "text/html", "value", String.valueOf(content.get("html"))));
        }
        if (!parts.isEmpty()) {
            mail.put("content", parts);
        }
        if (content.get("headers") instanceof Map<?, ?> headers && !headers.isEmpty()) {
            // List-Unsubscribe and List-Unsubscribe-Post, when the message's topic offers one-click unsubscribe.
            mail.put("headers", JsonTrees.asObject(headers));
        }
        Map<String, Object> merged = JsonTrees.deepMerge(mail, ProviderOverride.fields(delivery.override()));
        Map<String, Object> customArgs = merged.get("custom_args") instanceof Map<?, ?> given
                ? JsonTrees.asObject(given) : new LinkedHashMap<>();
        customArgs.put(MESSAGE_ID_ARG, delivery.messageId().value());
        merged.put("custom_args", customArgs);
        return merged;
    }

    private static DeliveryResult outcome(Response response) {
        int status = response.getStatusCode();
        if (status >= 200 && status < 300) {
            return new DeliveryResult.Sent(header(response, "X-Message-Id"));
        }
        return ProviderFailures.forStatus(status, NAME + " " + status + errorDetail(response.getBody()));
    }

    /** SendGrid explains a refusal as {@code {"errors":[{"message","field"}]}}; the first error says enough. */
    private static String errorDetail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode error = JSON.readTree(body).path("errors").path(0);
            if (error.hasNonNull("message")) {
                String field = error.path("field").asText("");
                return ": " + ProviderFailures.brief(error.get("message").asText() + (field.isEmpty() ? "" : " (" + field + ")"));
            }
        } catch (JsonProcessingException notJson) {
            // A proxy's or load balancer's page: its text is the best explanation there is.
        }
        return ": " + ProviderFailures.brief(body);
    }

    private static String header(Response response, String name) {
        return response.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    static Map<String, Object> sender(String from) {
        Matcher named = NAMED_ADDRESS.matcher(from.strip());
        Map<String, Object> sender = new LinkedHashMap<>();
        if (named.matches()) {
            sender.put("email", named.group(2));
            String name = named.group(1).strip().replaceAll("^\"|\"$", "");
            if (!name.isEmpty()) {
                sender.put("name", name);
            }
            return sender;
        }
        if (!from.strip().matches("[^<>\\s]+@[^<>\\s]+")) {
            throw new IllegalStateException("herald.providers.sendgrid.from must be an email address, optionally with a name: "
                    + "noreply@example.com or Example <noreply@example.com>");
        }
        sender.put("email", from.strip());
        return sender;
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("herald.providers.sendgrid." + key + " must be set to send email with SendGrid");
        }
        return value;
    }

    private static String trimSlashes(String path) {
        return path == null ? "" : path.replaceAll("^/+|/+$", "");
    }
}
