package io.herald.domain.bulk;

import io.herald.domain.json.JsonFields;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bulk job (Courier's {@code /bulk}): one message definition ({@code InboundBulkMessage}) sent to users added in
 * pages, then run as durable work. Each user becomes a send of the definition: {@code template} (else {@code event}, as
 * a template id or a mapped event) or {@code content}, with {@code data} merged under the user's, to the user's
 * {@code recipient} or {@code to}, with the addresses of the user's {@code profile}.
 */
public record BulkJob(String id, Map<String, Object> definition, BulkStatus status, long received, long enqueued, long failures,
                      Instant created) {

    public BulkJob {
        Objects.requireNonNull(id);
        Objects.requireNonNull(status);
        definition = JsonTrees.deepCopy(definition);
    }

    /** Reads Courier's {@code message} of a job, refusing what no send could take. */
    public static Map<String, Object> parseDefinition(Object raw) {
        JsonFields message = JsonFields.of(raw, "message", "an object with event, and template or content");
        message.requiredText("event");
        message.optionalString("template");
        message.optionalString("brand");
        message.optionalMap("data");
        message.optionalMap("locale");
        message.optionalMap("override");
        return message.raw();
    }

    /** The send (Courier's {@code message} object) this job makes for one of its users. */
    public Map<String, Object> messageFor(Map<String, Object> user) {
        JsonFields fields = JsonFields.of(user, "user");
        Map<String, Object> to = new LinkedHashMap<>(fields.optionalMap("to").orElse(Map.of()));
        fields.optionalText("recipient").ifPresent(recipient -> to.putIfAbsent("user_id", recipient));
        fields.optionalMap("profile").ifPresent(profile -> {
            for (String address : new String[] {"email", "phone_number"}) {
                if (profile.get(address) != null) {
                    to.putIfAbsent(address, profile.get(address));
                }
            }
        });
        if (to.isEmpty()) {
            throw new InvalidValueException("a bulk user needs recipient, to or a profile with an email or phone_number");
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("to", to);
        if (definition.get("content") != null) {
            message.put("content", definition.get("content"));
        } else {
            message.put("template", definition.get("template") instanceof String template && !template.isBlank() ? template : definition.get("event"));
        }
        Map<String, Object> data = definition.get("data") instanceof Map<?, ?> shared ? JsonTrees.asObject(shared) : Map.of();
        Map<String, Object> own = fields.get("data") instanceof Map<?, ?> userData ? JsonTrees.asObject(userData) : Map.of();
        message.put("data", JsonTrees.deepMerge(data, own));
        if (definition.get("brand") instanceof String brand && !brand.isBlank()) {
            message.put("brand_id", brand);
        }
        message.put("metadata", Map.of("event", definition.get("event")));
        return message;
    }
}
