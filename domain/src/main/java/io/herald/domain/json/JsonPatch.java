package io.herald.domain.json;

import io.herald.domain.shared.InvalidValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An RFC 6902 JSON Patch: an ordered list of operations applied all-or-nothing to a JSON object.
 * A failing operation leaves the document unchanged and names its index and the reason.
 */
public final class JsonPatch {

    private static final Set<String> OPERATIONS = Set.of("add", "remove", "replace", "move", "copy", "test");

    private final List<Operation> operations;

    private JsonPatch(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    public record Operation(String op, JsonPointer path, JsonPointer from, Object value, boolean hasValue) {
    }

    /**
     * Reads the operations from their JSON form ({@code [{"op","path","from","value"}]}), refusing a malformed
     * one with a message naming its index ({@code patch[2]}).
     */
    public static JsonPatch of(List<?> rawOperations) {
        if (rawOperations == null) {
            throw new InvalidValueException("patch is required and must be an array of operations");
        }
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < rawOperations.size(); i++) {
            JsonFields operation = JsonFields.of(rawOperations.get(i), JsonFields.item("patch", i));
            if (!(operation.get("op") instanceof String op) || !OPERATIONS.contains(op)) {
                throw new InvalidValueException(operation.where("op") + " must be one of " + String.join(", ", List.of("add", "remove", "replace", "move", "copy", "test")));
            }
            if (!(operation.get("path") instanceof String path)) {
                throw new InvalidValueException(operation.where("path") + " is required and must be a string");
            }
            JsonPointer from = null;
            if (op.equals("move") || op.equals("copy")) {
                if (!(operation.get("from") instanceof String rawFrom)) {
                    throw new InvalidValueException(operation.where("from") + " is required for " + op);
                }
                from = pointer(rawFrom, operation.where("from"));
            }
            boolean hasValue = operation.raw().containsKey("value");
            if (!hasValue && (op.equals("add") || op.equals("replace") || op.equals("test"))) {
                throw new InvalidValueException(operation.where("value") + " is required for " + op);
            }
            operations.add(new Operation(op, pointer(path, operation.where("path")), from, operation.get("value"), hasValue));
        }
        return new JsonPatch(operations);
    }

    public List<Operation> operations() {
        return operations;
    }

    /** Applies every operation to a copy of {@code document}; the input is never modified. */
    public Map<String, Object> applyTo(Map<String, Object> document) {
        Object result = JsonTrees.deepCopy(document);
        for (int i = 0; i < operations.size(); i++) {
            try {
                result = apply(result, operations.get(i));
            } catch (InvalidValueException e) {
                throw e.within("patch[" + i + "] (" + operations.get(i).op() + " " + operations.get(i).path() + ")");
            }
        }
        if (!(result instanceof Map<?, ?> object)) {
            throw new InvalidValueException("patch must leave a JSON object at the root");
        }
        return JsonTrees.asObject(object);
    }

    private static Object apply(Object document, Operation operation) {
        return switch (operation.op()) {
            case "add" -> add(document, operation.path(), JsonTrees.deepCopyValue(operation.value()));
            case "remove" -> remove(document, operation.path());
            case "replace" -> {
                valueAt(document, operation.path());
                if (operation.path().isRoot()) {
                    yield JsonTrees.deepCopyValue(operation.value());
                }
                yield add(remove(document, operation.path()), operation.path(), JsonTrees.deepCopyValue(operation.value()));
            }
            case "move" -> {
                if (!operation.from().equals(operation.path()) && operation.from().isPrefixOf(operation.path())) {
                    throw new InvalidValueException("cannot move a value into itself");
                }
                Object moved = valueAt(document, operation.from());
                yield add(remove(document, operation.from()), operation.path(), moved);
            }
            case "copy" -> add(document, operation.path(), JsonTrees.deepCopyValue(valueAt(document, operation.from())));
            case "test" -> {
                if (!JsonTrees.jsonEquals(valueAt(document, operation.path()), operation.value())) {
                    throw new InvalidValueException("test failed: the value differs");
                }
                yield document;
            }
            default -> throw new IllegalStateException("unreachable: " + operation.op());
        };
    }

    private static Object add(Object document, JsonPointer path, Object value) {
        if (path.isRoot()) {
            return value;
        }
        Object parent = valueAt(document, path.parent());
        String token = path.last();
        if (parent instanceof Map<?, ?> object) {
            JsonTrees.asObject(object).put(token, value);
        } else if (parent instanceof List<?> array) {
            int index = token.equals("-") ? array.size() : index(token, array.size() + 1);
            asArray(array).add(index, value);
        } else {
            throw new InvalidValueException("parent of the path is not an object or array");
        }
        return document;
    }

    private static Object remove(Object document, JsonPointer path) {
        if (path.isRoot()) {
            throw new InvalidValueException("cannot remove the whole document");
        }
        Object parent = valueAt(document, path.parent());
        String token = path.last();
        if (parent instanceof Map<?, ?> object) {
            if (!object.containsKey(token)) {
                throw new InvalidValueException("no value at the path");
            }
            object.remove(token);
        } else if (parent instanceof List<?> array) {
            asArray(array).remove(index(token, array.size()));
        } else {
            throw new InvalidValueException("no value at the path");
        }
        return document;
    }

    private static Object valueAt(Object document, JsonPointer pointer) {
        Object current = document;
        for (String token : pointer.tokens()) {
            if (current instanceof Map<?, ?> object) {
                if (!object.containsKey(token)) {
                    throw new InvalidValueException("no value at " + pointer);
                }
                current = object.get(token);
            } else if (current instanceof List<?> array) {
                current = array.get(index(token, array.size()));
            } else {
                throw new InvalidValueException("no value at " + pointer);
            }
        }
        return current;
    }

    /** An array index per RFC 6901: digits without a leading zero, below {@code limit}. */
    private static int index(String token, int limit) {
        if (!token.matches("0|[1-9][0-9]{0,8}")) {
            throw new InvalidValueException("'" + token + "' is not an array index");
        }
        int index = Integer.parseInt(token);
        if (index >= limit) {
            throw new InvalidValueException("array index " + index + " is out of bounds");
        }
        return index;
    }

    private static JsonPointer pointer(String text, String where) {
        try {
            return JsonPointer.parse(text);
        } catch (InvalidValueException e) {
            throw e.within(where);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asArray(List<?> array) {
        return (List<Object>) array;
    }
}
