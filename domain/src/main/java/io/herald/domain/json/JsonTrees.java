package io.herald.domain.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations on JSON values held as plain Java trees: {@code Map<String, Object>} objects, {@code List<Object>}
 * arrays, and String, Number, Boolean or null leaves, the shape any JSON library reads into.
 */
public final class JsonTrees {

    private JsonTrees() {
    }

    /**
     * Deep merge: objects merge key by key, recursively; any other value (array, scalar, null) in
     * {@code changes} replaces the target's value. Neither argument is modified.
     */
    public static Map<String, Object> deepMerge(Map<String, Object> target, Map<String, Object> changes) {
        Map<String, Object> merged = deepCopy(target);
        changes.forEach((key, change) -> {
            Object current = merged.get(key);
            if (current instanceof Map<?, ?> currentObject && change instanceof Map<?, ?> changeObject) {
                merged.put(key, deepMerge(asObject(currentObject), asObject(changeObject)));
            } else {
                merged.put(key, deepCopyValue(change));
            }
        });
        return merged;
    }

    public static Map<String, Object> deepCopy(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((key, value) -> copy.put(key, deepCopyValue(value)));
        return copy;
    }

    public static Object deepCopyValue(Object value) {
        if (value instanceof Map<?, ?> object) {
            return deepCopy(asObject(object));
        }
        if (value instanceof List<?> array) {
            List<Object> copy = new ArrayList<>(array.size());
            array.forEach(item -> copy.add(deepCopyValue(item)));
            return copy;
        }
        return value;
    }

    /** JSON equality: numbers compare by value (1 equals 1.0), objects ignore key order. */
    public static boolean jsonEquals(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) == 0;
        }
        if (left instanceof Map<?, ?> a && right instanceof Map<?, ?> b) {
            return a.size() == b.size() && a.entrySet().stream()
                    .allMatch(entry -> b.containsKey(entry.getKey()) && jsonEquals(entry.getValue(), b.get(entry.getKey())));
        }
        if (left instanceof List<?> a && right instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!jsonEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(left, right);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Map<?, ?> object) {
        return (Map<String, Object>) object;
    }
}
