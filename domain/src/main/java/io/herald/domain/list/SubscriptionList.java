package io.herald.domain.list;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.util.Map;

/** A named list of users (Courier's list): a send to the list goes to each subscriber. */
public record SubscriptionList(String id, String name, Map<String, Object> preferences, Instant created, Instant updated) {

    public SubscriptionList {
        if (id == null || id.isBlank() || id.length() > 256) {
            throw new InvalidValueException("list id must be 1 to 256 characters");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name is required");
        }
        preferences = preferences == null ? null : JsonTrees.deepCopy(preferences);
    }
}
