package io.herald.adapters.outbound.providers.twilio;

import io.herald.application.port.out.ChannelSender;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The status-callback URL Herald gives Twilio for one message: the configured
 * {@code herald.providers.twilio.status-callback-url} with Herald's message id added as the query parameter
 * {@value #MESSAGE_ID_PARAMETER}. Twilio signs its callbacks with exactly this URL, so the webhook that verifies them
 * rebuilds it here, from the same two values.
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
}
