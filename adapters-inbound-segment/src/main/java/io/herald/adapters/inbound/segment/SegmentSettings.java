package io.herald.adapters.inbound.segment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code herald.segment.inbound.*}
 *
 * @param sharedSecret when set, {@code POST /segment} requires {@code X-Signature}: hex HMAC-SHA1 of the raw body with
 *                     this secret
 */
@ConfigurationProperties("herald.segment.inbound")
public record SegmentSettings(@Nullable String sharedSecret) {
}
