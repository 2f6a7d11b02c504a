package io.herald.domain.profile;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A device token a user's app registered for push (Courier's user token).
 *
 * @param expiresAt null when the token does not expire
 * @param status    {@code active}, {@code unknown}, {@code failed} or {@code revoked}
 */
public record PushToken(
        UserId userId,
        String token,
        String providerKey,
        Map<String, Object> device,
        Map<String, Object> tracking,
        Object properties,
        Instant expiresAt,
        String status,
        String statusReason) {

    public static final Set<String> PROVIDER_KEYS = Set.of("firebase-fcm", "apn", "expo", "onesignal");
    public static final String ACTIVE = "active";

    public PushToken {
        Objects.requireNonNull(userId);
        if (token == null || token.isBlank()) {
            throw new InvalidValueException("token must not be blank");
        }
        if (!PROVIDER_KEYS.contains(providerKey)) {
            throw new InvalidValueException("provider_key must be one of firebase-fcm, apn, expo, onesignal");
        }
        device = device == null ? null : JsonTrees.deepCopy(device);
        tracking = tracking == null ? null : JsonTrees.deepCopy(tracking);
        properties = JsonTrees.deepCopyValue(properties);
        status = status == null ? ACTIVE : status;
    }

    /** Usable for a send at {@code now}: active and not expired. */
    public boolean isUsableAt(Instant now) {
        return ACTIVE.equals(status) && (expiresAt == null || expiresAt.isAfter(now));
    }
}
