package io.herald.domain.template;

import io.herald.domain.json.JsonFields;
import io.herald.domain.shared.InvalidValueException;

import java.util.Map;

/** Inline content of a send ({@code message.content}): Courier's {@code {title, body}}. */
public record Content(String title, String body) {

    public static Content parse(Object raw, String where) {
        JsonFields content = JsonFields.of(raw, where, "an object with title and body");
        String title = content.optionalString("title").orElse("");
        if (!(content.get("body") instanceof String body)) {
            throw new InvalidValueException(content.where("body") + " is required and must be a string"
                    + (content.raw().containsKey("elements") ? " (Elemental content is not supported; send title and body)" : ""));
        }
        return new Content(title, body);
    }

    public Map<String, Object> toJson() {
        return Map.of("title", title, "body", body);
    }
}
