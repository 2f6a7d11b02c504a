package io.herald.adapters.outbound.providers.twilio;

import io.herald.application.port.out.ChannelSender;
import io.herald.domain.message.MessageId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The status-callback URL Herald gives Twilio for one message: the configured
 * {@code herald.providers.twilio.status-callback-url} with Herald's message id added as the query parameter
 * {@value #MESSAGE_ID_PARAMETER}. Both directions are here: {@link TwilioSender} builds the URL with {@link #url},
 * and {@link TwilioStatusWebhook} reads the callback Twilio makes to it ({@link #messageId}, {@link #signedUrl}).
 */
public final class TwilioStatusCallback {

    public static final String MESSAGE_ID_PARAMETER = ChannelSender.MESSAGE_ID_TAG;

    private TwilioStatusCallback() {
    }

    /**
     * {@code url("https://herald.example.com/webhooks/twilio/status", "1-abc")} is
     * {@code https://herald.example.com/webhooks/twilio/status?herald_message_id=1-abc}; a URL that has a query
     * already gets the parameter appended with {@code &}.
     */
    public static String url(String statusCallbackUrl, String heraldMessageId) {
        String separator = !statusCallbackUrl.contains("?") ? "?"
                : statusCallbackUrl.endsWith("?") || statusCallbackUrl.endsWith("&") ? "" : "&";
        return statusCallbackUrl + separator + MESSAGE_ID_PARAMETER + "=" + URLEncoder.encode(heraldMessageId, StandardCharsets.UTF_8);
    }

    /** Herald's message id as a callback to {@link #url} brings it back, in its query. */
    static Optional<MessageId> messageId(HttpRequest<?> callback) {
        return Optional.ofNullable(callback.getParameters().get(MESSAGE_ID_PARAMETER)).map(MessageId::new);
    }

    /**
     * The URL Twilio signed a callback with: the configured public callback URL (Herald may sit behind a proxy, so it
     * cannot tell from the request), or without one the URL the request names, followed by the query it called. That
     * query is the whole of what {@link #url} built, the configured URL's own query included, so only the configured
     * URL's scheme, host and path are kept.
     */
    static String signedUrl(@Nullable String statusCallbackUrl, HttpRequest<?> callback) {
        String query = callback.getUri().getRawQuery();
        String base = statusCallbackUrl == null || statusCallbackUrl.isBlank()
                ? callback.getHeaders().get("X-Forwarded-Proto", String.class).orElse("http") + "://"
                        + callback.getHeaders().get("Host", String.class).orElse("localhost") + callback.getPath()
                : withoutQuery(statusCallbackUrl);
        return query == null ? base : base + "?" + query;
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
