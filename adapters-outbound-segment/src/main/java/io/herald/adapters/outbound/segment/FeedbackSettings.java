package io.herald.adapters.outbound.segment;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code herald.segment.feedback.*}: where engagement events go. Feedback is off without a write key. */
@ConfigurationProperties("herald.segment.feedback")
public class FeedbackSettings {

    private String writeKey;
    private String endpoint = "https://api.segment.io";
    /** How long to wait for Segment to accept a batch before counting it as failed. */
    private Duration timeout = Duration.ofSeconds(30);

    public String getWriteKey() {
        return writeKey;
    }

    public void setWriteKey(String writeKey) {
        this.writeKey = writeKey;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
