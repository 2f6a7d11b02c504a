package io.herald.adapters.outbound.providers;

import io.herald.domain.json.JsonTrees;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provider-specific fields of a send request ({@code providers.<name>.override}). Courier nests the fields of the
 * provider's API request under {@code body}; Herald takes them there and at the top level of the override alike.
 */
public final class ProviderOverride {

    private ProviderOverride() {
    }

    /** The override's fields, with those under an object-valued {@code body} lifted to the top level (they win). */
    public static Map<String, Object> fields(Map<String, Object> override) {
        if (override == null || override.isEmpty()) {
            return Map.of();
        }
        if (!(override.get("body") instanceof Map<?, ?> body)) {
            return override;
        }
        Map<String, Object> fields = new LinkedHashMap<>(override);
        fields.remove("body");
        fields.putAll(JsonTrees.asObject(body));
        return fields;
    }
}
