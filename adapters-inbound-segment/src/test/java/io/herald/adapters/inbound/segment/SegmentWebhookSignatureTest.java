package io.herald.adapters.inbound.segment;

import io.herald.adapters.inbound.segment.support.FakeCallers;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import static io.herald.adapters.inbound.segment.support.Segment.basic;
import static io.herald.adapters.inbound.segment.support.Segment.fixture;
import static io.herald.adapters.inbound.segment.support.Segment.json;
import static org.assertj.core.api.Assertions.assertThat;

/** With {@code herald.segment.inbound.shared-secret} set, the webhook takes only events Segment signed with it. */
@MicronautTest
@Property(name = "herald.segment.inbound.shared-secret", value = SegmentWebhookSignatureTest.SHARED_SECRET)
class SegmentWebhookSignatureTest extends SegmentTest {

    static final String SHARED_SECRET = "segment-shared-secret-1";

    /** Segment's scheme: hex HMAC-SHA1 of the raw body, keyed with the shared secret. */
    private static String signature(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MutableHttpRequest<String> webhook(String body, String signature) {
        return json("/segment", body).header("Authorization", basic(FakeCallers.WRITE_KEY)).header("X-Signature", signature);
    }

    @Test
    void aSignedEventIsIngested() {
        String body = fixture("track.json");

        assertAcknowledged(segment.send(webhook(body, signature(body, SHARED_SECRET))));
        assertThat(ingest.events()).hasSize(1);
    }

    @Test
    void theSignatureMayBeInUpperCaseHex() {
        String body = fixture("group.json");

        assertAcknowledged(segment.send(webhook(body, signature(body, SHARED_SECRET).toUpperCase(Locale.ROOT))));
    }

    @Test
    void anUnsignedEventIsRefused() {
        assertRefused(segment.post("/segment", fixture("track.json")), 401, "Missing X-Signature");
    }

    @Test
    void aForgedSignatureIsRefused() {
        String body = fixture("track.json");

        assertRefused(segment.send(webhook(body, signature(body, "another-secret"))), 401, "Invalid X-Signature");
        assertRefused(segment.send(webhook(body, "0".repeat(40))), 401, "Invalid X-Signature");
        assertRefused(segment.send(webhook(body.replace("test-user-cqw3gr", "someone-else"), signature(body, SHARED_SECRET))), 401,
                "Invalid X-Signature");
    }

    @Test
    void aValidSignatureDoesNotReplaceTheKey() {
        String body = fixture("track.json");

        assertRefused(segment.send(json("/segment", body).header("X-Signature", signature(body, SHARED_SECRET))), 401, "Missing API key");
    }

    @Test
    void theTrackingApiNeedsNoSignature() {
        assertAcknowledged(segment.post("/v1/track", fixture("track.json")));
    }
}
