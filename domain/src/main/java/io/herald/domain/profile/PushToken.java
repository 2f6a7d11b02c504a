package io.herald.domain.profile;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
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

    public static final Set<String> STATUSES = Set.of(ACTIVE, "unknown", "failed", "revoked");

    /**
     * One operation of Courier's token update, a JSON Patch (RFC 6902) operation.
     *
     * @param path  {@code /status}, {@code /status_reason}, {@code /expiry_date} (ISO-8601), {@code /properties}, or
     *              {@code /device} and {@code /tracking}, whole or one of their fields ({@code /device/model})
     * @param value absent for {@code remove}
     */
    public record Patch(String op, String path, Object value) {
    }

    /**
     * The token after the operations, applied in order; {@code replace} and {@code add} set, {@code remove} clears.
     * The first operation that does not apply is an InvalidValueException naming it, and nothing changes.
     */
    public PushToken patched(List<Patch> operations) {
        if (operations == null || operations.isEmpty()) {
            throw new InvalidValueException("patch must be a non-empty array of operations");
        }
        PushToken patched = this;
        for (int i = 0; i < operations.size(); i++) {
            patched = patched.apply(operations.get(i), "patch[" + i + "]");
        }
        return patched;
    }

    private PushToken apply(Patch patch, String where) {
        boolean remove = "remove".equals(patch.op());
        if (!remove && !"replace".equals(patch.op()) && !"add".equals(patch.op())) {
            throw new InvalidValueException(where + ".op must be replace, add or remove, not '" + patch.op() + "'");
        }
        Object value = remove ? null : patch.value();
        String path = patch.path() == null ? "" : patch.path();
        String[] parts = path.split("/", -1);
        if (parts.length < 2 || !parts[0].isEmpty() || parts.length > 3) {
            throw new InvalidValueException(where + ".path '" + path + "' is not one of /status, /status_reason, /expiry_date, "
                    + "/properties, /device[/field], /tracking[/field]");
        }
        String field = parts[1];
        if (parts.length == 3) {
            return withField(field, parts[2], value, where);
        }
        return switch (field) {
            case "status" -> {
                if (!(value instanceof String text) || !STATUSES.contains(text)) {
                    throw new InvalidValueException(where + ".value: status must be one of active, unknown, failed, revoked");
                }
                yield new PushToken(userId, token, providerKey, device, tracking, properties, expiresAt, text, statusReason);
            }
            case "status_reason" -> new PushToken(userId, token, providerKey, device, tracking, properties, expiresAt, status,
                    text(value, where));
            case "expiry_date" -> new PushToken(userId, token, providerKey, device, tracking, properties, instant(value, where), status,
                    statusReason);
            case "properties" -> new PushToken(userId, token, providerKey, device, tracking, value, expiresAt, status, statusReason);
            case "device" -> new PushToken(userId, token, providerKey, object(value, where), tracking, properties, expiresAt, status,
                    statusReason);
            case "tracking" -> new PushToken(userId, token, providerKey, device, object(value, where), properties, expiresAt, status,
                    statusReason);
            default -> throw new InvalidValueException(where + ".path '" + path + "' is not one of /status, /status_reason, "
                    + "/expiry_date, /properties, /device[/field], /tracking[/field]");
        };
    }

    private PushToken withField(String object, String field, Object value, String where) {
        if (!"device".equals(object) && !"tracking".equals(object) || field.isEmpty()) {
            throw new InvalidValueException(where + ".path: only /device and /tracking have fields to patch");
        }
        Map<String, Object> changed = new LinkedHashMap<>("device".equals(object)
                ? (device == null ? Map.of() : device) : (tracking == null ? Map.of() : tracking));
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, text(value, where));
        }
        return "device".equals(object)
                ? new PushToken(userId, token, providerKey, changed, tracking, properties, expiresAt, status, statusReason)
                : new PushToken(userId, token, providerKey, device, changed, properties, expiresAt, status, statusReason);
    }

    private static String text(Object value, String where) {
        if (value != null && !(value instanceof String)) {
            throw new InvalidValueException(where + ".value must be a string or null");
        }
        return (String) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) {
        if (value != null && !(value instanceof Map)) {
            throw new InvalidValueException(where + ".value must be an object or null");
        }
        return (Map<String, Object>) value;
    }

    private static Instant instant(Object value, String where) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text(value, where)).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(where + ".value: expiry_date must be an ISO-8601 date-time with an offset");
        }
    }

    /** Usable for a send at {@code now}: active and not expired. */
    public boolean isUsableAt(Instant now) {
        return ACTIVE.equals(status) && (expiresAt == null || expiresAt.isAfter(now));
    }
}
