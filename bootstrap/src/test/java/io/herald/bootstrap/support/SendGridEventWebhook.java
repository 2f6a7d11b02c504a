package io.herald.bootstrap.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/**
 * SendGrid's signed event webhook as SendGrid calls it: a key pair whose public half Herald is configured with,
 * and events signed with the private half.
 */
public final class SendGridEventWebhook {

    private final KeyPair keys = newKeys();

    public static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Herald property that makes it verify these events. */
    public Map<String, String> heraldProperties() {
        return Map.of("herald.providers.sendgrid.webhook-public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
    }

    public KeyPair keys() {
        return keys;
    }

    /** SendGrid's scheme: base64 ECDSA (P-256, SHA-256) signature of the timestamp followed by the raw body. */
    public static String signature(String timestamp, String body, KeyPair keys) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Http.Response post(URI herald, String body, String timestamp, String signature) {
        return Http.to(herald).send("POST", "/webhooks/sendgrid/events", body, Map.of("Content-Type", "application/json",
                "X-Twilio-Email-Event-Webhook-Signature", signature, "X-Twilio-Email-Event-Webhook-Timestamp", timestamp));
    }

    /** Posts {@code body} correctly signed with this webhook's key. */
    public Http.Response postSigned(URI herald, String body, String timestamp) {
        return post(herald, body, timestamp, signature(timestamp, body, keys));
    }

    /** Events of the kinds given, one second apart, for the message Herald sent as {@code messageId}. */
    public static String events(String messageId, String providerId, String... kinds) {
        StringBuilder json = new StringBuilder("[");
        long time = 1_795_000_000L;
        for (String kind : kinds) {
            json.append(json.length() > 1 ? "," : "").append("""
                    {"email": "alex@example.org", "timestamp": %d, "event": "%s", "sg_event_id": "e-%s",
                     "sg_message_id": "%s.filterdrecv-5645d9c87f-abcde-1-5E5D53A6-3.0", "herald_message_id": "%s", "reason": "550 mailbox unavailable"}"""
                    .formatted(time++, kind, kind, providerId, messageId));
        }
        return json.append("]").toString();
    }
}
