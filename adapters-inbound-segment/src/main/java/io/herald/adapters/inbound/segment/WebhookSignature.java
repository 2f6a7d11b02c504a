package io.herald.adapters.inbound.segment;

import io.herald.application.errors.UnauthenticatedException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Segment's destination webhook signature: {@code X-Signature} is the hex HMAC-SHA1 of the raw request body
 * keyed with the shared secret. Compared in constant time.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static void verify(String sharedSecret, byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            throw new UnauthenticatedException("Missing X-Signature");
        }
        byte[] expected = HexFormat.of().formatHex(hmacSha1(sharedSecret, body)).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = signature.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            throw new UnauthenticatedException("Invalid X-Signature");
        }
    }

    static byte[] hmacSha1(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required by every Java platform", e);
        }
    }
}
