package io.herald.domain.automation;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.shared.InvalidValueException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads the fields of one JSON object of a definition, refusing a missing or mistyped one by its path. */
final class Fields {

    private final Map<String, Object> object;
    private final String path;

    private Fields(Map<String, Object> object, String path) {
        this.object = object;
        this.path = path;
    }

    static Fields of(Object raw, String path, String shape) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidValueException((path.isEmpty() ? "the body" : path) + " must be an object" + shape);
        }
        return new Fields(JsonTrees.asObject(map), path);
    }

    String where(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    Object get(String field) {
        return object.get(field);
    }

    boolean has(String field) {
        return object.get(field) != null;
    }

    /** A typo in a field name must not silently change what runs (an ignored {@code "iff"} would always send). */
    void allowOnly(Set<String> allowed, String what) {
        for (String field : object.keySet()) {
            if (!allowed.contains(field)) {
                throw new InvalidValueException(where(field) + " is not a field of " + what + " " + new TreeSet<>(allowed));
            }
        }
    }

    Optional<String> optionalText(String field) {
        Object value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidValueException(where(field) + " must be a non-empty string");
        }
        return Optional.of(text);
    }

    String requiredText(String field) {
        return optionalText(field).orElseThrow(() -> new InvalidValueException(where(field) + " is required and must be a non-empty string"));
    }

    Optional<Map<String, Object>> optionalObject(String field) {
        Object value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidValueException(where(field) + " must be an object");
        }
        return Optional.of(JsonTrees.deepCopy(JsonTrees.asObject(map)));
    }

    Map<String, Object> requiredObject(String field) {
        return optionalObject(field).orElseThrow(() -> new InvalidValueException(where(field) + " is required and must be an object"));
    }
}
