package io.herald.domain.preference;

import io.herald.domain.json.JsonFields;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The status a tenant gives a subscription topic for its users who have not chosen one themselves (Courier's tenant
 * {@code default_preferences.items[]}): in, out or required, and optionally the only channels to use.
 */
public record DefaultPreference(String topicId, PreferenceStatus status, boolean hasCustomRouting, List<Channel> customRouting) {

    public DefaultPreference {
        Objects.requireNonNull(status);
        if (topicId == null || topicId.isBlank()) {
            throw new InvalidValueException("topic id must not be blank");
        }
        customRouting = List.copyOf(customRouting == null ? List.of() : customRouting);
    }

    /** Reads Courier's item {@code {id, status, has_custom_routing?, custom_routing?}}, refusing what does not fit by its path. */
    public static DefaultPreference parse(Object raw, String where) {
        JsonFields item = JsonFields.of(raw, where, "an object with id and status");
        String topicId = item.requiredText("id");
        PreferenceStatus status = PreferenceStatus.parse(item.get("status"), item.where("status"));
        List<String> names = item.optionalStrings("custom_routing").orElse(List.of());
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            channels.add(Channel.parse(names.get(i), item.where("custom_routing", i)));
        }
        return new DefaultPreference(topicId, status, item.optionalBoolean("has_custom_routing").orElse(!channels.isEmpty()), channels);
    }

    /** Reads a whole list of items; two items for one topic are refused. */
    public static List<DefaultPreference> parseAll(List<Object> raw, String where) {
        List<DefaultPreference> parsed = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            DefaultPreference item = parse(raw.get(i), JsonFields.item(where, i));
            if (parsed.stream().anyMatch(other -> other.topicId().equals(item.topicId()))) {
                throw new InvalidValueException(JsonFields.item(where, i) + ".id '" + item.topicId() + "' is given twice");
            }
            parsed.add(item);
        }
        return List.copyOf(parsed);
    }

    /** Courier's item, as the API answers it and the store keeps it. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", topicId);
        json.put("status", status.name());
        json.put("has_custom_routing", hasCustomRouting);
        json.put("custom_routing", customRouting.stream().map(Channel::wireName).toList());
        return json;
    }
}
