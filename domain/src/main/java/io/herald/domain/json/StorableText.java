package io.herald.domain.json;

import io.herald.domain.shared.InvalidValueException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text that PostgreSQL can store: no U+0000 (NUL) and no unpaired surrogate, which a JSON string may carry
 * ({@code "\u0000"}, {@code "\ud800"}) but {@code text} and {@code jsonb} refuse. Checked at the edge, on every
 * request's body, ids and parameters, so a bad value is the caller's 400 naming the field, never a failed
 * commit shared with other requests.
 */
public final class StorableText {

    private static final int MAX_DEPTH = 200;

    private StorableText() {
    }

    /** Refuses {@code value} unless it is storable text; {@code where} names it in the message. */
    public static String require(String value, String where) {
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidValueException(where + " contains " + problem + ", which cannot be stored");
        }
        return value;
    }

    /** Checks every key and string of a JSON tree (maps, lists, scalars); paths read like {@code batch[2].properties.note}. */
    public static void requireIn(Object tree, String path) {
        check(tree, path, 0);
    }

    private static void check(Object node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidValueException((path.isEmpty() ? "the body" : path) + " nests deeper than " + MAX_DEPTH + " levels");
        }
        if (node instanceof String text) {
            require(text, path.isEmpty() ? "the body" : path);
        } else if (node instanceof Map<?, ?> object) {
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String keyPath = path.isEmpty() ? key : path + "." + key;
                require(key, "a field name in " + (path.isEmpty() ? "the body" : path));
                check(entry.getValue(), keyPath, depth + 1);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "[" + i + "]", depth + 1);
            }
        }
    }

    /** What makes the text unstorable, or null. */
    private static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "U+0000 (NUL)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ")";
            }
        }
        return null;
    }
}
