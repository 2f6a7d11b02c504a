package io.herald.domain.json;

import io.herald.domain.shared.InvalidValueException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reads the fields of one JSON object (a plain map, as any JSON library reads it) and refuses a missing or
 * mistyped one with a message that names its path: {@code message.to.email must be a non-empty string},
 * {@code steps[2].duration is required and must be a non-empty string}. A field whose value is JSON {@code null}
 * counts as absent.
 *
 * <p>Objects and lists are handed out as they are, not copied: the types that keep one copy it themselves.
 */
public final class JsonFields {

    private final Map<String, Object> object;
    private final String path;

    private JsonFields(Map<String, Object> object, String path) {
        this.object = object;
        this.path = path;
    }

    /** Reads {@code raw}, found at {@code path} ({@code ""} for a whole body), refusing anything but an object. */
    public static JsonFields of(Object raw, String path) {
        return of(raw, path, "an object");
    }

    /**
     * Reads {@code raw}, refusing anything but an object with {@code "<path> must be <shape>"}, where the shape tells
     * the caller what belongs there ({@code "an object with title and body"}).
     */
    public static JsonFields of(Object raw, String path, String shape) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidValueException((path.isEmpty() ? "the body" : path) + " must be " + shape);
        }
        return new JsonFields(JsonTrees.asObject(map), path);
    }

    /** The path of item {@code index} of the array at {@code arrayPath}: {@code steps[2]}. */
    public static String item(String arrayPath, int index) {
        return arrayPath + "[" + index + "]";
    }

    public Map<String, Object> raw() {
        return object;
    }

    /** The path of {@code field}, as messages name it: {@code message.to.email}. */
    public String where(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The path of item {@code index} of the array {@code field}: {@code message.to[1]}. */
    public String where(String field, int index) {
        return item(where(field), index);
    }

    public boolean has(String field) {
        return object.get(field) != null;
    }

    public Object get(String field) {
        return object.get(field);
    }

    /** Refuses a field not in {@code allowed}: a typo must not silently change what runs (an ignored {@code "iff"} would always send). */
    public void allowOnly(Set<String> allowed, String what) {
        for (String field : object.keySet()) {
            if (!allowed.contains(field)) {
                throw new InvalidValueException(where(field) + " is not a field of " + what + " " + new TreeSet<>(allowed));
            }
        }
    }

    /** Any string, the empty one included. */
    public Optional<String> optionalString(String field) {
        return value(field, String.class::isInstance, "a string").map(String.class::cast);
    }

    public String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> required(field, "a string"));
    }

    /** A string that is not blank. */
    public Optional<String> optionalText(String field) {
        return value(field, given -> given instanceof String text && !text.isBlank(), "a non-empty string").map(String.class::cast);
    }

    public String requiredText(String field) {
        return optionalText(field).orElseThrow(() -> required(field, "a non-empty string"));
    }

    public Optional<Boolean> optionalBoolean(String field) {
        return value(field, Boolean.class::isInstance, "true or false").map(Boolean.class::cast);
    }

    /** The object {@code field}, to read its own fields by their paths. */
    public Optional<JsonFields> optionalObject(String field) {
        return Optional.ofNullable(object.get(field)).map(value -> of(value, where(field)));
    }

    public JsonFields requiredObject(String field) {
        return optionalObject(field).orElseThrow(() -> required(field, "an object"));
    }

    /** The object {@code field}, to keep as it is. */
    public Optional<Map<String, Object>> optionalMap(String field) {
        return optionalObject(field).map(JsonFields::raw);
    }

    public Map<String, Object> requiredMap(String field) {
        return requiredObject(field).raw();
    }

    @SuppressWarnings("unchecked")
    public Optional<List<Object>> optionalList(String field) {
        return value(field, List.class::isInstance, "an array").map(list -> (List<Object>) list);
    }

    public List<Object> requiredList(String field) {
        return optionalList(field).orElseThrow(() -> required(field, "an array"));
    }

    /** An array of strings; a non-string item is refused by its index ({@code custom_routing[1] must be a string}). */
    public Optional<List<String>> optionalStrings(String field) {
        return optionalList(field).map(items -> {
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof String)) {
                    throw new InvalidValueException(where(field, i) + " must be a string");
                }
            }
            return items.stream().map(String.class::cast).toList();
        });
    }

    /** The value of {@code field} if it has one, refused unless {@code accepted}: {@code "<path> must be <type>"}. */
    private Optional<Object> value(String field, Predicate<Object> accepted, String type) {
        Object value = object.get(field);
        if (value != null && !accepted.test(value)) {
            throw new InvalidValueException(where(field) + " must be " + type);
        }
        return Optional.ofNullable(value);
    }

    private InvalidValueException required(String field, String type) {
        return new InvalidValueException(where(field) + " is required and must be " + type);
    }
}
