package io.herald.domain.tenant;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.shared.InvalidValueException;

import java.util.Map;
import java.util.Objects;

/**
 * A group of users (Segment's group, Courier's tenant): an account, a workspace, a team.
 * Its properties are the group's traits; its name is the {@code name} trait when there is one.
 */
public record Tenant(String id, String name, Map<String, Object> properties) {

    public Tenant {
        Objects.requireNonNull(id);
        if (id.isBlank()) {
            throw new InvalidValueException("tenant id must not be blank");
        }
        properties = JsonTrees.deepCopy(properties == null ? Map.of() : properties);
    }

    public static Tenant create(String id) {
        return new Tenant(id, id, Map.of());
    }

    /** Merges a group call's traits: properties deep-merge, and a {@code name} trait renames the tenant. */
    public Tenant withTraits(Map<String, Object> traits) {
        Map<String, Object> merged = JsonTrees.deepMerge(properties, traits);
        String newName = traits.get("name") instanceof String text && !text.isBlank() ? text : name;
        return new Tenant(id, newName, merged);
    }
}
