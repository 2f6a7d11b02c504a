package io.herald.adapters.outbound.providers.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * {@code herald.automations.fetch-data.*}: limits of the HTTP calls automations' fetch-data steps make.
 *
 * @param timeout      the whole call, from sending the request to the last byte of the answer
 * @param maxBytes     answers larger than this fail the step: they would be copied into every save of the run
 * @param allowedHosts hosts that may be called although they resolve to internal addresses (a service inside your
 *                     network)
 */
@ConfigurationProperties("herald.automations.fetch-data")
public record FetchDataSettings(
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration timeout,
        @Bindable(defaultValue = "1048576") int maxBytes,
        @Nullable List<String> allowedHosts) {

    public FetchDataSettings {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
