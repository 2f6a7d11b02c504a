package io.herald.domain.inbound;

import io.herald.domain.json.JsonFields;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of the Segment spec, checked against the rules every event type must meet: a recipient
 * ({@code userId} or {@code anonymousId}), and the field its type cannot do without.
 *
 * @param raw the event as received, kept verbatim in the inbound event log
 */
public record SegmentEvent(
        SegmentEventType type,
        String messageId,
        String userId,
        String anonymousId,
        String event,
        String groupId,
        String previousId,
        Map<String, Object> traits,
        Map<String, Object> properties,
        Instant timestamp,
        String email,
        Map<String, Object> raw) {

    public SegmentEvent {
        Objects.requireNonNull(type);
        traits = traits == null ? Map.of() : traits;
        properties = properties == null ? Map.of() : properties;
    }

    /**
     * Reads an event from its JSON form.
     *
     * @param impliedType the type the endpoint implies ({@code /v1/track}), or null when the event must say it
     */
    public static SegmentEvent parse(Map<String, Object> raw, SegmentEventType impliedType) {
        JsonFields fields = JsonFields.of(raw, "");
        SegmentEventType type = !fields.has("type") && impliedType != null ? impliedType : SegmentEventType.parse(fields.get("type"));
        if (impliedType != null && type != impliedType) {
            throw new InvalidValueException("type '" + type.wireName() + "' does not match the endpoint /v1/" + impliedType.wireName());
        }
        String userId = identifier(fields, "userId");
        String anonymousId = identifier(fields, "anonymousId");
        if (userId == null && anonymousId == null) {
            throw new InvalidValueException("userId or anonymousId is required");
        }
        String event = text(fields, "event");
        String groupId = identifier(fields, "groupId");
        String previousId = identifier(fields, "previousId");
        switch (type) {
            case TRACK -> require(event, "event is required for a track event");
            case GROUP -> require(groupId, "groupId is required for a group event");
            case ALIAS -> {
                require(previousId, "previousId is required for an alias event");
                require(userId, "userId is required for an alias event");
            }
            default -> { }
        }
        return new SegmentEvent(type, text(fields, "messageId"), userId, anonymousId, event, groupId, previousId,
                fields.optionalMap("traits").orElse(Map.of()), fields.optionalMap("properties").orElse(Map.of()),
                timestamp(fields), text(fields, "email"), raw);
    }

    /** Who the event is about: the known user, or else the anonymous visitor. */
    public UserId recipient() {
        return UserId.of(userId != null ? userId : anonymousId);
    }

    /** The name Herald logs a track event under, {@code track/<event>}; the type for other events. */
    public String logName() {
        return type == SegmentEventType.TRACK ? "track/" + event : type.wireName();
    }

    public Optional<Instant> occurredAt() {
        return Optional.ofNullable(timestamp);
    }

    /**
     * The profile changes an identify event carries: its traits, with Segment's contact traits mapped to the
     * attributes Herald routes on ({@code email}, {@code phone_number}).
     */
    public Map<String, Object> profileChanges() {
        return mapped(traits, email);
    }

    /**
     * What any other event (a track, a page…) says about its user: the traits Segment's SDKs attach as
     * {@code context.traits}, and a top-level {@code email}, mapped as an identify's are. Empty when it says nothing.
     */
    public Map<String, Object> contextChanges() {
        Map<String, Object> contextTraits = raw.get("context") instanceof Map<?, ?> context && context.get("traits") instanceof Map<?, ?> given
                ? JsonTrees.asObject(given) : Map.of();
        if (contextTraits.isEmpty() && email == null && !(raw.get("phone") instanceof String)) {
            return Map.of();
        }
        Map<String, Object> changes = mapped(contextTraits, email);
        if (!changes.containsKey("phone_number") && raw.get("phone") instanceof String phone && !phone.isBlank()) {
            changes.put("phone_number", phone);
        }
        return changes;
    }

    private static Map<String, Object> mapped(Map<String, Object> traits, String topLevelEmail) {
        Map<String, Object> changes = JsonTrees.deepCopy(traits);
        Object traitEmail = traits.get("email");
        if (traitEmail instanceof String value && !value.isBlank()) {
            changes.put("email", value);
        } else if (topLevelEmail != null) {
            changes.put("email", topLevelEmail);
        }
        for (String phoneTrait : new String[] {"phone_number", "phone", "sms"}) {
            if (traits.get(phoneTrait) instanceof String value && !value.isBlank()) {
                changes.put("phone_number", value);
                break;
            }
        }
        return changes;
    }

    private static void require(String value, String message) {
        if (value == null) {
            throw new InvalidValueException(message);
        }
    }

    private static String identifier(JsonFields fields, String field) {
        if (fields.get(field) instanceof Number number) {
            return number.toString();
        }
        Optional<String> id = fields.optionalString(field);
        if (id.isPresent() && id.get().length() > UserId.MAX_LENGTH) {
            throw new InvalidValueException(fields.where(field) + " must be at most " + UserId.MAX_LENGTH + " characters");
        }
        return id.filter(text -> !text.isBlank()).orElse(null);
    }

    private static String text(JsonFields fields, String field) {
        return fields.optionalString(field).filter(text -> !text.isBlank()).orElse(null);
    }

    private static Instant timestamp(JsonFields fields) {
        String text = text(fields, "timestamp");
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("timestamp '" + text + "' is not an ISO-8601 date-time");
        }
    }
}
