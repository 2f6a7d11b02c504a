package io.herald.domain.template;

import io.herald.domain.shared.InvalidValueException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One locale's translations in a domain (Courier's {@code /translations/{domain}/{locale}}), read from a gettext
 * {@code .po} file: each {@code msgid} is a text as a template writes it, its {@code msgstr} the text in the locale.
 * A text is translated when it is a {@code msgid} exactly (Handlebars and all), before it is rendered. Plural forms
 * keep their first form; entries with an empty {@code msgstr} (not translated yet) and the header are left out.
 */
public record Catalog(String domain, String locale, Map<String, String> messages) {

    public static final int MAX_ENTRIES = 10_000;
    /** No translations: every text stays as written. */
    public static final Catalog NONE = new Catalog("", "", Map.of());

    public Catalog {
        messages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(messages));
    }

    public static Catalog parsePo(String domain, String locale, String po) {
        Map<String, String> messages = new LinkedHashMap<>();
        StringBuilder id = null;
        StringBuilder str = null;
        StringBuilder current = null;
        int lineNumber = 0;
        for (String line : po.split("\r?\n", -1)) {
            lineNumber++;
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("msgid ")) {
                add(messages, id, str);
                id = new StringBuilder(quoted(trimmed.substring(6), lineNumber));
                str = null;
                current = id;
            } else if (trimmed.startsWith("msgid_plural ")) {
                current = new StringBuilder();
            } else if (trimmed.startsWith("msgstr[")) {
                int close = trimmed.indexOf(']');
                if (close < 0) {
                    throw new InvalidValueException("line " + lineNumber + ": msgstr[ without ]");
                }
                boolean first = trimmed.substring(7, close).trim().equals("0");
                StringBuilder form = new StringBuilder(quoted(trimmed.substring(close + 1).trim(), lineNumber));
                if (first) {
                    str = form;
                }
                current = first ? str : form;
            } else if (trimmed.startsWith("msgstr ")) {
                if (id == null) {
                    throw new InvalidValueException("line " + lineNumber + ": msgstr before any msgid");
                }
                str = new StringBuilder(quoted(trimmed.substring(7), lineNumber));
                current = str;
            } else if (trimmed.startsWith("\"")) {
                if (current == null) {
                    throw new InvalidValueException("line " + lineNumber + ": a continued string outside an entry");
                }
                current.append(quoted(trimmed, lineNumber));
            } else if (trimmed.startsWith("msgctxt ")) {
                current = new StringBuilder();
            } else {
                throw new InvalidValueException("line " + lineNumber + " is not gettext .po syntax (msgid, msgstr, \"…\" or a # comment)");
            }
            if (messages.size() > MAX_ENTRIES) {
                throw new InvalidValueException("a translation file holds at most " + MAX_ENTRIES + " entries");
            }
        }
        add(messages, id, str);
        return new Catalog(domain, locale, messages);
    }

    private static void add(Map<String, String> messages, StringBuilder id, StringBuilder str) {
        if (id != null && str != null && id.length() > 0 && str.length() > 0) {
            messages.put(id.toString(), str.toString());
        }
    }

    /** The text in this locale, or the text itself when the catalog has no translation for it. */
    public String translate(String text) {
        return messages.getOrDefault(text, text);
    }

    public Optional<String> find(String text) {
        return Optional.ofNullable(messages.get(text));
    }

    /** A {@code "…"} string of a .po file, its escapes resolved. */
    private static String quoted(String token, int lineNumber) {
        if (token.length() < 2 || !token.startsWith("\"") || !token.endsWith("\"")) {
            throw new InvalidValueException("line " + lineNumber + ": expected a string in double quotes");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if (c != '\\' || i + 1 >= token.length() - 1) {
                text.append(c);
                continue;
            }
            char escaped = token.charAt(++i);
            text.append(switch (escaped) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                default -> escaped;
            });
        }
        return text.toString();
    }
}
