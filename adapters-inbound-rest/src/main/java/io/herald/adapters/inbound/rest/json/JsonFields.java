package io.herald.adapters.inbound.rest.json;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.json.StorableText;
import io.herald.domain.shared.InvalidValueException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads fields of a JSON request body (bound as plain maps and lists) and refuses a missing or mistyped one
 * with a message naming its path, e.g. {@code message.to.email must be a string}.
 */
public final class JsonFields {

    private final Map<String, Object> object;
    private final String path;

    private JsonFields(Map<String, Object> object, String path) {
        this.object = object;
        this.path = path;
    }

    public static JsonFields of(Map<String, Object> body) {
        if (body == null) {
            throw new InvalidValueException("a JSON object body is required");
        }
        StorableText.requireIn(body, "");
        return new JsonFields(body, "");
    }

    public Map<String, Object> raw() {
        return object;
    }

    public boolean has(String field) {
        return object.get(field) != null;
    }

    public String where(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public JsonFields requiredObject(String field) {
        return optionalObject(field).orElseThrow(() -> new InvalidValueException(where(field) + " is required and must be an object"));
    }

    public Optional<JsonFields> optionalObject(String field) {
        Object value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidValueException(where(field) + " must be an object");
        }
        return Optional.of(new JsonFields(JsonTrees.asObject(map), where(field)));
    }

    public Map<String, Object> requiredMap(String field) {
        return requiredObject(field).raw();
    }

    public Optional<Map<String, Object>> optionalMap(String field) {
        return optionalObject(field).map(JsonFields::raw);
    }

    public String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> new InvalidValueException(where(field) + " is required and must be a string"));
    }

    public Optional<String> optionalString(String field) {
        Object value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new InvalidValueException(where(field) + " must be a string");
        }
        return Optional.of(text);
    }

    public Optional<Boolean> optionalBoolean(String field) {
        Object value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean flag)) {
            throw new InvalidValueException(where(field) + " must be true or false");
        }
        return Optional.of(flag);
    }

    public Optional<Long> optionalLong(String field) {
        Object value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new InvalidValueException(where(field) + " must be an integer");
        }
        return Optional.of(number.longValue());
    }

    public Optional<List<Object>> optionalList(String field) {
        Object value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidValueException(where(field) + " must be an array");
        }
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) list;
        return Optional.of(items);
    }

    public Optional<List<String>> optionalStrings(String field) {
        return optionalList(field).map(items -> {
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof String)) {
                    throw new InvalidValueException(where(field) + "[" + i + "] must be a string");
                }
            }
            return items.stream().map(String.class::cast).toList();
        });
    }

    public Object get(String field) {
        return object.get(field);
    }
}
