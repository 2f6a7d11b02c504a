package io.herald.adapters.outbound.providers.twilio;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code herald.providers.twilio.*}: the Twilio SMS provider exists when {@code account-sid} is set; it also needs
 * {@code auth-token} and a sender, {@code from} or {@code messaging-service-sid}.
 *
 * @param from                the sending number (E.164) or alphanumeric sender id
 * @param messagingServiceSid a Messaging Service picks the sender from its pool; used when set, together with
 *                            {@code from} if both are
 * @param baseUrl             scheme, host and port, with an optional path prefix for a proxy
 * @param statusCallbackUrl   Herald's public URL of {@code POST /webhooks/twilio/status}; when set, every message asks
 *                            Twilio for status callbacks there, with Herald's message id added (see
 *                            {@link TwilioStatusCallback})
 * @param readTimeout         how long to wait for Twilio's answer. Twilio's SDK sets its own connect timeout (30.5 s)
 *                            on every request.
 */
@ConfigurationProperties("herald.providers.twilio")
public record TwilioSettings(
        @Nullable String accountSid,
        @Nullable String authToken,
        @Nullable String from,
        @Nullable String messagingServiceSid,
        @Bindable(defaultValue = "https://api.twilio.com") String baseUrl,
        @Nullable String statusCallbackUrl,
        @Bindable(defaultValue = "30s") Duration readTimeout) {
}
