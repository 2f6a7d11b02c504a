package io.herald.domain.template;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.shared.InvalidValueException;

import java.util.Map;

/** Inline content of a send ({@code message.content}): Courier's {@code {title, body}}. */
public record Content(String title, String body) {

    public static Content parse(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidValueException(where + " must be an object with title and body");
        }
        Map<String, Object> content = JsonTrees.asObject(map);
        Object title = content.get("title");
        Object body = content.get("body");
        if (title != null && !(title instanceof String)) {
            throw new InvalidValueException(where + ".title must be a string");
        }
        if (!(body instanceof String text)) {
            throw new InvalidValueException(where + ".body is required and must be a string"
                    + (content.containsKey("elements") ? " (Elemental content is not supported; send title and body)" : ""));
        }
        return new Content(title == null ? "" : (String) title, text);
    }

    public Map<String, Object> toJson() {
        return Map.of("title", title, "body", body);
    }
}
