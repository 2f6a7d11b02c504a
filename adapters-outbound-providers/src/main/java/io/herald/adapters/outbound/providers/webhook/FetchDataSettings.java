package io.herald.adapters.outbound.providers.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/** {@code herald.automations.fetch-data.*}: limits of the HTTP calls automations' fetch-data steps make. */
@ConfigurationProperties("herald.automations.fetch-data")
public class FetchDataSettings {

    private Duration connectTimeout = Duration.ofSeconds(5);
    /** The whole call, from sending the request to the last byte of the answer. */
    private Duration timeout = Duration.ofSeconds(10);
    /** Answers larger than this fail the step: they would be copied into every save of the run. */
    private int maxBytes = 1024 * 1024;
    /** Hosts that may be called although they resolve to internal addresses (a service inside your network). */
    private List<String> allowedHosts = List.of();

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public int getMaxBytes() {
        return maxBytes;
    }

    public void setMaxBytes(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
