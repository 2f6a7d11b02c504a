package io.herald.adapters.outbound.providers.sendgrid;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/** {@code herald.providers.sendgrid.*}: the SendGrid email provider exists when {@code api-key} is set. */
@ConfigurationProperties("herald.providers.sendgrid")
public class SendGridSettings {

    @Nullable
    private String apiKey;
    /** The sender: {@code noreply@example.com} or {@code Example <noreply@example.com>}, a verified SendGrid sender. */
    @Nullable
    private String from;
    /** Scheme, host and port, with an optional path prefix for a proxy. */
    private String baseUrl = "https://api.sendgrid.com";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);

    public @Nullable String getApiKey() {
        return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    public @Nullable String getFrom() {
        return from;
    }

    public void setFrom(@Nullable String from) {
        this.from = from;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }
}
