package io.herald.adapters.outbound.providers.fcm;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/** {@code herald.providers.fcm.*}: the FCM push provider exists when {@code credentials-file} is set. */
@ConfigurationProperties("herald.providers.fcm")
public class FcmSettings {

    /** The Firebase project; by default the {@code project_id} of the service-account file. */
    @Nullable
    private String projectId;
    /**
     * A Google service-account key file (JSON) of the project, with the Firebase Cloud Messaging API allowed. Its
     * {@code token_uri} is where access tokens come from.
     */
    @Nullable
    private String credentialsFile;
    /** Scheme, host and port, with an optional path prefix for a proxy. */
    private String baseUrl = "https://fcm.googleapis.com";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);

    public @Nullable String getProjectId() {
        return projectId;
    }

    public void setProjectId(@Nullable String projectId) {
        this.projectId = projectId;
    }

    public @Nullable String getCredentialsFile() {
        return credentialsFile;
    }

    public void setCredentialsFile(@Nullable String credentialsFile) {
        this.credentialsFile = credentialsFile;
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
