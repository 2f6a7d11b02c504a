package io.herald.adapters.inbound.segment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** {@code herald.segment.inbound.*} */
@ConfigurationProperties("herald.segment.inbound")
public class SegmentSettings {

    /** When set, {@code POST /segment} requires {@code X-Signature}: hex HMAC-SHA1 of the raw body with this secret. */
    @Nullable
    private String sharedSecret;

    public @Nullable String getSharedSecret() {
        return sharedSecret;
    }

    public void setSharedSecret(@Nullable String sharedSecret) {
        this.sharedSecret = sharedSecret;
    }
}
