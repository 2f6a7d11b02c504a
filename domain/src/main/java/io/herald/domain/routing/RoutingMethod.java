package io.herald.domain.routing;

import io.herald.domain.shared.InvalidValueException;

import java.util.Locale;

/**
 * {@code single}: the first channel that works; {@code all}: every channel that can be reached. {@code priority}, which
 * Courier's guides write, is read as {@code single} (and written back as it).
 */
public enum RoutingMethod {
    SINGLE, ALL;

    public static RoutingMethod parse(Object raw, String where) {
        if ("single".equals(raw) || "all".equals(raw)) {
            return valueOf(((String) raw).toUpperCase(Locale.ROOT));
        }
        if ("priority".equals(raw)) {
            return SINGLE;
        }
        throw new InvalidValueException(where + " must be \"single\" or \"all\"");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
