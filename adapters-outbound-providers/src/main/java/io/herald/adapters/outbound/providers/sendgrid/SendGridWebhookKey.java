package io.herald.adapters.outbound.providers.sendgrid;

import com.sendgrid.helpers.eventwebhook.EventWebhook;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.GeneralSecurityException;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;

/**
 * The verification key of SendGrid's signed event webhook, as SendGrid's settings show it: base64 of an X.509 ECDSA
 * public key. Read once at start-up by the configuration check, so a key that is none stops Herald instead of
 * answering every callback with a 500.
 */
public final class SendGridWebhookKey {

    private SendGridWebhookKey() {
    }

    /** The key, or empty when {@code base64} is not an ECDSA public key. */
    public static Optional<ECPublicKey> parse(String base64) {
        // SendGrid's EventWebhook verifies through BouncyCastle, which it expects registered.
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        try {
            return Optional.of(new EventWebhook().ConvertPublicKeyToECDSA(base64.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException notAKey) {
            return Optional.empty();
        }
    }
}
