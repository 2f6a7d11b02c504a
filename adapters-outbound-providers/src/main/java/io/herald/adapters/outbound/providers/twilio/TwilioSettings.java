package io.herald.adapters.outbound.providers.twilio;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * {@code herald.providers.twilio.*}: the Twilio SMS provider exists when {@code account-sid} is set; it also needs
 * {@code auth-token} and a sender, {@code from} or {@code messaging-service-sid}.
 */
@ConfigurationProperties("herald.providers.twilio")
public class TwilioSettings {

    @Nullable
    private String accountSid;
    @Nullable
    private String authToken;
    /** The sending number (E.164) or alphanumeric sender id. */
    @Nullable
    private String from;
    /** A Messaging Service picks the sender from its pool; used when set, together with {@code from} if both are. */
    @Nullable
    private String messagingServiceSid;
    /** Scheme, host and port, with an optional path prefix for a proxy. */
    private String baseUrl = "https://api.twilio.com";
    /**
     * Herald's public URL of {@code POST /webhooks/twilio/status}; when set, every message asks Twilio for status
     * callbacks there, with Herald's message id added (see {@link TwilioStatusCallback}).
     */
    @Nullable
    private String statusCallbackUrl;
    /** How long to wait for Twilio's answer. Twilio's SDK sets its own connect timeout (30.5 s) on every request. */
    private Duration readTimeout = Duration.ofSeconds(30);

    public @Nullable String getAccountSid() {
        return accountSid;
    }

    public void setAccountSid(@Nullable String accountSid) {
        this.accountSid = accountSid;
    }

    public @Nullable String getAuthToken() {
        return authToken;
    }

    public void setAuthToken(@Nullable String authToken) {
        this.authToken = authToken;
    }

    public @Nullable String getFrom() {
        return from;
    }

    public void setFrom(@Nullable String from) {
        this.from = from;
    }

    public @Nullable String getMessagingServiceSid() {
        return messagingServiceSid;
    }

    public void setMessagingServiceSid(@Nullable String messagingServiceSid) {
        this.messagingServiceSid = messagingServiceSid;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public @Nullable String getStatusCallbackUrl() {
        return statusCallbackUrl;
    }

    public void setStatusCallbackUrl(@Nullable String statusCallbackUrl) {
        this.statusCallbackUrl = statusCallbackUrl;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }
}
