package io.herald.domain.template;

import io.herald.domain.json.JsonFields;
import io.herald.domain.shared.InvalidValueException;

import java.util.Map;
import java.util.Optional;

/**
 * Inline content of a send ({@code message.content}): Courier's sugar {@code {title, body}}, or Courier's Elemental
 * content ({@code {version, elements}}), which then stands in for both.
 */
public record Content(String title, String body, Optional<Elemental> elemental) {

    public Content {
        elemental = elemental == null ? Optional.empty() : elemental;
    }

    public Content(String title, String body) {
        this(title, body, Optional.empty());
    }

    public static Content parse(Object raw, String where) {
        if (Elemental.looksLike(raw)) {
            return new Content("", "", Optional.of(Elemental.parse(raw, where)));
        }
        JsonFields content = JsonFields.of(raw, where, "an object with title and body, or Elemental content (version and elements)");
        String title = content.optionalString("title").orElse("");
        if (!(content.get("body") instanceof String body)) {
            throw new InvalidValueException(content.where("body") + " is required and must be a string");
        }
        return new Content(title, body);
    }

    public Map<String, Object> toJson() {
        return elemental.map(Elemental::toJson).orElseGet(() -> Map.of("title", title, "body", body));
    }
}
