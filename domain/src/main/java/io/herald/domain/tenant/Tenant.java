package io.herald.domain.tenant;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.preference.DefaultPreference;
import io.herald.domain.shared.InvalidValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A group of users (Segment's group, Courier's tenant): an account, a workspace, a team. Its properties are the
 * group's traits, and its name the {@code name} trait when there is one; through the API it also has Courier's brand,
 * parent, the topic defaults its users inherit and a profile merged into theirs on a send in its context.
 */
public record Tenant(String id, String name, Map<String, Object> properties, Optional<String> brandId,
                     Optional<String> parentTenantId, List<DefaultPreference> defaultPreferences, Map<String, Object> userProfile) {

    public Tenant {
        Objects.requireNonNull(id);
        if (id.isBlank()) {
            throw new InvalidValueException("tenant id must not be blank");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("tenant name must not be blank");
        }
        if (parentTenantId != null && parentTenantId.filter(id::equals).isPresent()) {
            throw new InvalidValueException("a tenant cannot be its own parent");
        }
        properties = JsonTrees.deepCopy(properties == null ? Map.of() : properties);
        brandId = brandId == null ? Optional.empty() : brandId;
        parentTenantId = parentTenantId == null ? Optional.empty() : parentTenantId;
        defaultPreferences = List.copyOf(defaultPreferences == null ? List.of() : defaultPreferences);
        userProfile = JsonTrees.deepCopy(userProfile == null ? Map.of() : userProfile);
    }

    /** A tenant with a name and properties only, as a Segment group call makes it. */
    public Tenant(String id, String name, Map<String, Object> properties) {
        this(id, name, properties, Optional.empty(), Optional.empty(), List.of(), Map.of());
    }

    public static Tenant create(String id) {
        return new Tenant(id, id, Map.of());
    }

    /**
     * Merges a group call's traits: properties deep-merge, and a {@code name} trait renames the tenant. What only the
     * API sets (brand, parent, defaults, user profile) stays.
     */
    public Tenant withTraits(Map<String, Object> traits) {
        Map<String, Object> merged = JsonTrees.deepMerge(properties, traits);
        String newName = traits.get("name") instanceof String text && !text.isBlank() ? text : name;
        return new Tenant(id, newName, merged, brandId, parentTenantId, defaultPreferences, userProfile);
    }

    /** The tenant with {@code item} as its default for the item's topic, in place of any it had. */
    public Tenant withDefault(DefaultPreference item) {
        List<DefaultPreference> changed = new ArrayList<>(defaultPreferences.stream().filter(d -> !d.topicId().equals(item.topicId())).toList());
        changed.add(item);
        return new Tenant(id, name, properties, brandId, parentTenantId, changed, userProfile);
    }

    /** The tenant without a default for the topic: its users who have not chosen are opted in. */
    public Tenant withoutDefault(String topicId) {
        return new Tenant(id, name, properties, brandId, parentTenantId,
                defaultPreferences.stream().filter(d -> !d.topicId().equals(topicId)).toList(), userProfile);
    }

    /** The tenant's default for the topic, if it sets one. */
    public Optional<DefaultPreference> defaultFor(String topicId) {
        return defaultPreferences.stream().filter(item -> item.topicId().equals(topicId)).findFirst();
    }
}
