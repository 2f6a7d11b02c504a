package io.herald.domain.template;

import io.herald.domain.json.JsonFields;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Courier's Elemental content ({@code {"version": "2022-01-01", "elements": [...]}}), checked when it is given so that
 * rendering meets only what it can render: element types Herald renders (text, meta, action, image, divider, quote,
 * html, group, channel), their required fields, hex colours and http(s) links, and at most {@value #MAX_ELEMENTS}
 * elements nested at most {@value #MAX_DEPTH} deep. Strings are Handlebars over the same variables as templates; an
 * element's {@code if} is a CEL expression (Courier writes JavaScript; simple comparisons read the same in both).
 * {@code loop} is refused: a text element's {@code {{#each}}} covers it. Fields Herald does not render (locales, for
 * one) are kept and ignored.
 */
public record Elemental(String version, List<Map<String, Object>> elements) {

    public static final String VERSION = "2022-01-01";
    public static final Set<String> TYPES = Set.of("text", "meta", "action", "image", "divider", "quote", "html", "group", "channel");
    private static final int MAX_ELEMENTS = 1_000;
    private static final int MAX_DEPTH = 16;
    private static final Pattern COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");
    private static final Set<String> TEXT_STYLES = Set.of("text", "h1", "h2", "subtext");
    private static final Set<String> ALIGNMENTS = Set.of("left", "center", "right", "full");

    /** A Handlebars string or a CEL condition of the content, with where it is ({@code message.content.elements[2].content}). */
    public record Located(String where, String text) {
    }

    public Elemental {
        elements = elements.stream().map(JsonTrees::deepCopy).toList();
    }

    public static boolean looksLike(Object raw) {
        return raw instanceof Map<?, ?> map && map.containsKey("elements");
    }

    public static Elemental parse(Object raw, String where) {
        JsonFields content = JsonFields.of(raw, where, "Elemental content: {\"version\": \"2022-01-01\", \"elements\": [...]}");
        String version = content.optionalString("version").orElse(VERSION);
        if (!version.equals(VERSION)) {
            throw new InvalidValueException(content.where("version") + " '" + version + "' is not an Elemental version Herald renders ("
                    + VERSION + ")");
        }
        List<Object> elements = content.requiredList("elements");
        int[] count = {0};
        List<Map<String, Object>> checked = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            checked.add(element(elements.get(i), content.where("elements", i), 1, count));
        }
        return new Elemental(version, checked);
    }

    private static Map<String, Object> element(Object raw, String where, int depth, int[] count) {
        if (++count[0] > MAX_ELEMENTS) {
            throw new InvalidValueException(where + ": Elemental content has more than " + MAX_ELEMENTS + " elements");
        }
        if (depth > MAX_DEPTH) {
            throw new InvalidValueException(where + ": Elemental elements nest more than " + MAX_DEPTH + " deep");
        }
        JsonFields element = JsonFields.of(raw, where, "an element object with a type");
        String type = element.requiredText("type");
        if (!TYPES.contains(type)) {
            throw new InvalidValueException(element.where("type") + " '" + type + "' is not an Elemental element Herald renders "
                    + new java.util.TreeSet<>(TYPES));
        }
        if (element.has("loop")) {
            throw new InvalidValueException(element.where("loop") + " is not supported: Courier's loop is a JavaScript expression; "
                    + "repeat with Handlebars in a text element instead, e.g. \"{{#each items}}- {{name}}\\n{{/each}}\"");
        }
        element.optionalString("if");
        element.optionalString("ref");
        element.optionalStrings("channels").ifPresent(channels -> {
            for (int i = 0; i < channels.size(); i++) {
                Channel.parse(channels.get(i), element.where("channels", i));
            }
        });
        switch (type) {
            case "text", "quote" -> {
                element.requiredString("content");
                oneOf(element, "text_style", TEXT_STYLES);
                oneOf(element, "align", ALIGNMENTS);
                colour(element, "color");
                colour(element, "border_color");
            }
            case "meta" -> element.optionalString("title");
            case "action" -> {
                element.requiredString("content");
                element.requiredString("href");
                oneOf(element, "style", Set.of("button", "link"));
                oneOf(element, "align", ALIGNMENTS);
                colour(element, "background_color");
                colour(element, "color");
            }
            case "image" -> {
                String src = element.requiredString("src");
                if (!src.startsWith("https://") && !src.startsWith("http://") && !src.startsWith("{{")) {
                    throw new InvalidValueException(element.where("src") + " must be an http(s) URL");
                }
                element.optionalString("href");
                element.optionalString("alt_text");
                element.optionalString("width");
                oneOf(element, "align", ALIGNMENTS);
            }
            case "divider" -> colour(element, "color");
            case "html" -> element.requiredString("content");
            case "group" -> children(element, depth, count, true);
            default -> {
                Channel.parse(element.requiredText("channel"), element.where("channel"));
                if (element.has("raw") == element.has("elements")) {
                    throw new InvalidValueException(where + ": a channel element has either elements or raw content, not "
                            + (element.has("raw") ? "both" : "neither"));
                }
                element.optionalObject("raw").ifPresent(rawContent -> rawContent.raw().keySet().forEach(rawContent::optionalString));
                children(element, depth, count, false);
            }
        }
        return element.raw();
    }

    private static void children(JsonFields element, int depth, int[] count, boolean required) {
        if (!required && !element.has("elements")) {
            return;
        }
        List<Object> children = element.requiredList("elements");
        for (int i = 0; i < children.size(); i++) {
            element(children.get(i), element.where("elements", i), depth + 1, count);
        }
    }

    private static void oneOf(JsonFields element, String field, Set<String> allowed) {
        element.optionalString(field).ifPresent(value -> {
            if (!allowed.contains(value)) {
                throw new InvalidValueException(element.where(field) + " '" + value + "' must be one of " + new java.util.TreeSet<>(allowed));
            }
        });
    }

    private static void colour(JsonFields element, String field) {
        element.optionalString(field).ifPresent(value -> {
            if (!COLOUR.matcher(value).matches()) {
                throw new InvalidValueException(element.where(field) + " '" + value + "' must be a hex colour such as #1f6feb");
            }
        });
    }

    /** Every Handlebars string of the content, with its path under {@code where}. */
    public List<Located> texts(String where) {
        List<Located> texts = new ArrayList<>();
        walk(elements, where + ".elements", (element, at) -> {
            for (String field : List.of("content", "title", "href", "src", "alt_text")) {
                if (element.get(field) instanceof String text) {
                    texts.add(new Located(at + "." + field, text));
                }
            }
            for (String nested : List.of("raw", "locales")) {
                if (element.get(nested) instanceof Map<?, ?> map) {
                    strings(map, at + "." + nested, texts);
                }
            }
        });
        return texts;
    }

    private static void strings(Map<?, ?> map, String where, List<Located> texts) {
        map.forEach((field, value) -> {
            if (value instanceof String source) {
                texts.add(new Located(where + "." + field, source));
            } else if (value instanceof Map<?, ?> nested) {
                strings(nested, where + "." + field, texts);
            }
        });
    }

    /**
     * The element in {@code locale}: the fields its {@code locales} give for that locale (else for its language,
     * {@code fr} for {@code fr-CA}) laid over its own.
     */
    public static Map<String, Object> localised(Map<String, Object> element, Optional<String> locale) {
        if (locale.isEmpty() || !(element.get("locales") instanceof Map<?, ?> locales) || locales.isEmpty()) {
            return element;
        }
        String tag = locale.get();
        Object fields = locales.get(tag);
        if (fields == null && tag.contains("-")) {
            fields = locales.get(tag.substring(0, tag.indexOf('-')));
        }
        if (!(fields instanceof Map<?, ?> overrides)) {
            return element;
        }
        Map<String, Object> localised = new java.util.LinkedHashMap<>(element);
        overrides.forEach((field, value) -> localised.put(String.valueOf(field), value));
        return localised;
    }

    /** Every element's {@code if}, with its path under {@code where}. */
    public List<Located> conditions(String where) {
        List<Located> conditions = new ArrayList<>();
        walk(elements, where + ".elements", (element, at) -> {
            if (element.get("if") instanceof String condition && !condition.isBlank()) {
                conditions.add(new Located(at + ".if", condition));
            }
        });
        return conditions;
    }

    @SuppressWarnings("unchecked")
    private static void walk(List<Map<String, Object>> elements, String where, java.util.function.BiConsumer<Map<String, Object>, String> visit) {
        for (int i = 0; i < elements.size(); i++) {
            Map<String, Object> element = elements.get(i);
            String at = where + "[" + i + "]";
            visit.accept(element, at);
            if (element.get("elements") instanceof List<?> children) {
                walk((List<Map<String, Object>>) children, at + ".elements", visit);
            }
        }
    }

    public Map<String, Object> toJson() {
        return Map.of("version", version, "elements", elements.stream().map(JsonTrees::deepCopy).toList());
    }
}
