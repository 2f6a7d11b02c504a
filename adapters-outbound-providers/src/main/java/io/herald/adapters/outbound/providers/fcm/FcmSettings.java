package io.herald.adapters.outbound.providers.fcm;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code herald.providers.fcm.*}: the FCM push provider exists when {@code credentials-file} is set.
 *
 * @param projectId       the Firebase project; by default the {@code project_id} of the service-account file
 * @param credentialsFile a Google service-account key file (JSON) of the project, with the Firebase Cloud Messaging
 *                        API allowed. Its {@code token_uri} is where access tokens come from.
 * @param baseUrl         scheme, host and port, with an optional path prefix for a proxy
 */
@ConfigurationProperties("herald.providers.fcm")
public record FcmSettings(
        @Nullable String projectId,
        @Nullable String credentialsFile,
        @Bindable(defaultValue = "https://fcm.googleapis.com") String baseUrl,
        @Bindable(defaultValue = "10s") Duration connectTimeout,
        @Bindable(defaultValue = "30s") Duration readTimeout) {
}
