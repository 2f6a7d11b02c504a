package io.herald.domain.brand;

import io.herald.domain.json.JsonFields;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A brand (Courier's {@code /brands}): the look an email is sent with — colours, a logo in a header bar, a footer and
 * extra {@code <head>} markup — and snippets, named texts a template can use as {@code {{brand.snippets.<name>}}}.
 * {@code settings} is kept in Courier's shape so it reads back as it was written; the parts Herald applies are checked
 * here, because they end up in an email's markup: colours must be hex colours and links http(s) URLs.
 */
public record Brand(String id, String name, Map<String, Object> settings, Map<String, String> snippets,
                    Instant created, Instant updated) {

    private static final Pattern COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,256}");
    private static final int MAX_SNIPPETS = 100;

    /** What a rendered email is laid out with; each part is absent when the brand does not set it. */
    public record EmailLook(Optional<String> primaryColour, Optional<String> barColour, Optional<String> logoImage,
                            Optional<String> logoHref, Optional<String> head, Optional<String> footer) {
    }

    public Brand {
        Objects.requireNonNull(id);
        Objects.requireNonNull(created);
        Objects.requireNonNull(updated);
        settings = JsonTrees.deepCopy(settings == null ? Map.of() : settings);
        snippets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(snippets == null ? Map.of() : snippets));
    }

    /** Checks a brand id: what Courier's ids look like (letters, digits, {@code . _ : -}), so it is safe in a path. */
    public static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidValueException("brand id must be 1 to 256 letters, digits or . _ : -");
        }
        return id;
    }

    /**
     * Reads Courier's {@code BrandCreateParams} / {@code BrandUpdateParams} body ({@code name}, {@code settings},
     * {@code snippets.items[{name, value}]}), refusing what Herald could not apply safely, by its path.
     */
    public static Brand parse(String id, Map<String, Object> body, Instant created, Instant now) {
        JsonFields brand = JsonFields.of(body, "");
        brand.allowOnly(java.util.Set.of("id", "name", "settings", "snippets"), "a brand");
        String name = brand.requiredText("name");
        Map<String, Object> settings = brand.optionalMap("settings").orElse(Map.of());
        Brand parsed = new Brand(checkId(id), name, settings, snippets(brand), created, now);
        parsed.emailLook();
        return parsed;
    }

    private static Map<String, String> snippets(JsonFields brand) {
        Map<String, String> snippets = new LinkedHashMap<>();
        Optional<JsonFields> given = brand.optionalObject("snippets");
        if (given.isEmpty()) {
            return snippets;
        }
        List<Object> items = given.get().optionalList("items").orElse(List.of());
        if (items.size() > MAX_SNIPPETS) {
            throw new InvalidValueException(given.get().where("items") + " has " + items.size() + " snippets; at most " + MAX_SNIPPETS);
        }
        for (int i = 0; i < items.size(); i++) {
            JsonFields item = JsonFields.of(items.get(i), given.get().where("items", i));
            String snippet = item.requiredText("name");
            if (snippets.put(snippet, item.requiredString("value")) != null) {
                throw new InvalidValueException(item.where("name") + " '" + snippet + "' is given twice");
            }
        }
        return snippets;
    }

    /** The email parts of the settings, checked: hex colours, http(s) links. */
    public EmailLook emailLook() {
        JsonFields root = JsonFields.of(settings, "settings");
        Optional<JsonFields> colours = root.optionalObject("colors");
        Optional<String> primary = colours.flatMap(c -> colour(c, "primary"));
        colours.ifPresent(c -> colour(c, "secondary"));
        Optional<JsonFields> email = root.optionalObject("email");
        Optional<JsonFields> header = email.flatMap(e -> e.optionalObject("header"));
        Optional<String> bar = header.flatMap(h -> colour(h, "barColor"));
        Optional<JsonFields> logo = header.flatMap(h -> h.optionalObject("logo"));
        Optional<String> image = logo.flatMap(l -> link(l, "image"));
        Optional<String> href = logo.flatMap(l -> link(l, "href"));
        Optional<String> head = email.flatMap(e -> e.optionalObject("head")).flatMap(h -> nullable(h, "content"));
        Optional<String> footer = email.flatMap(e -> e.optionalObject("footer")).flatMap(f -> nullable(f, "content"));
        return new EmailLook(primary, bar.or(() -> primary), image, href, head, footer);
    }

    /** What templates see as {@code brand}: id, name, colours and snippets by name. */
    public Map<String, Object> templateContext() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("id", id);
        context.put("name", name);
        context.put("colors", settings.get("colors") instanceof Map<?, ?> colours ? JsonTrees.asObject(colours) : Map.of());
        context.put("snippets", new LinkedHashMap<>(snippets));
        return context;
    }

    private static Optional<String> colour(JsonFields fields, String field) {
        Optional<String> value = nullable(fields, field);
        if (value.isPresent() && !COLOUR.matcher(value.get()).matches()) {
            throw new InvalidValueException(fields.where(field) + " '" + value.get() + "' must be a hex colour such as #1f6feb");
        }
        return value;
    }

    private static Optional<String> link(JsonFields fields, String field) {
        Optional<String> value = nullable(fields, field);
        if (value.isPresent() && !(value.get().startsWith("https://") || value.get().startsWith("http://"))) {
            throw new InvalidValueException(fields.where(field) + " must be an http(s) URL");
        }
        return value;
    }

    /** Courier's types allow null for most fields; null and "" mean not set. */
    private static Optional<String> nullable(JsonFields fields, String field) {
        return fields.get(field) == null ? Optional.empty() : fields.optionalString(field).filter(text -> !text.isEmpty());
    }
}
