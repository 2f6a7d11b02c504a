package io.herald.domain.json;

import io.herald.domain.shared.InvalidValueException;

import java.util.ArrayList;
import java.util.List;

/** An RFC 6901 JSON Pointer: {@code ""} is the whole document, {@code "/a/0/b~1c"} walks into it. */
public record JsonPointer(List<String> tokens) {

    public JsonPointer {
        tokens = List.copyOf(tokens);
    }

    public static JsonPointer parse(String pointer) {
        if (pointer == null) {
            throw new InvalidValueException("path is required");
        }
        if (pointer.isEmpty()) {
            return new JsonPointer(List.of());
        }
        if (!pointer.startsWith("/")) {
            throw new InvalidValueException("path '" + pointer + "' must be empty or start with '/'");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            if (raw.matches(".*~(?![01]).*")) {
                throw new InvalidValueException("path '" + pointer + "' has an invalid escape (use ~0 for '~' and ~1 for '/')");
            }
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return new JsonPointer(tokens);
    }

    public boolean isRoot() {
        return tokens.isEmpty();
    }

    public JsonPointer parent() {
        return new JsonPointer(tokens.subList(0, tokens.size() - 1));
    }

    public String last() {
        return tokens.get(tokens.size() - 1);
    }

    /** True when {@code other} is this pointer or lies inside it. */
    public boolean isPrefixOf(JsonPointer other) {
        return other.tokens.size() >= tokens.size() && other.tokens.subList(0, tokens.size()).equals(tokens);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        tokens.forEach(token -> text.append('/').append(token.replace("~", "~0").replace("/", "~1")));
        return text.toString();
    }
}
