package io.herald.adapters.outbound.providers.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code herald.automations.fetch-data.*}: limits of the HTTP calls automations' fetch-data steps make. */
@ConfigurationProperties("herald.automations.fetch-data")
public class FetchDataSettings {

    private Duration connectTimeout = Duration.ofSeconds(5);
    /** The whole call, from sending the request to the last byte of the answer. */
    private Duration timeout = Duration.ofSeconds(10);
    /** Answers larger than this fail the step: they would be copied into every save of the run. */
    private int maxResponseBytes = 256 * 1024;

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

    public int getMaxResponseBytes() {
        return maxResponseBytes;
    }

    public void setMaxResponseBytes(int maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }
}
