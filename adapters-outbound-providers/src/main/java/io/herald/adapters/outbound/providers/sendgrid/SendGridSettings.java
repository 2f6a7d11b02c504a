package io.herald.adapters.outbound.providers.sendgrid;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code herald.providers.sendgrid.*}: the SendGrid email provider exists when {@code api-key} is set.
 *
 * @param from    the sender: {@code noreply@example.com} or {@code Example <noreply@example.com>}, a verified SendGrid
 *                sender
 * @param baseUrl scheme, host and port, with an optional path prefix for a proxy
 * @param webhookPublicKey the event webhook's verification key (base64 ECDSA, from SendGrid's settings); without it
 *                         {@code POST /webhooks/sendgrid/events} refuses every request
 * @param webhookMaxAge    signed events older than this are refused as replays
 */
@ConfigurationProperties("herald.providers.sendgrid")
public record SendGridSettings(
        @Nullable String apiKey,
        @Nullable String from,
        @Bindable(defaultValue = "https://api.sendgrid.com") String baseUrl,
        @Bindable(defaultValue = "10s") Duration connectTimeout,
        @Bindable(defaultValue = "30s") Duration readTimeout,
        @Nullable String webhookPublicKey,
        @Bindable(defaultValue = "10m") Duration webhookMaxAge) {
}
