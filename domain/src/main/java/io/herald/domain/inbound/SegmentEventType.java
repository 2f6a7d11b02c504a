package io.herald.domain.inbound;

import io.herald.domain.shared.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;

/** The event types of the Segment spec. */
public enum SegmentEventType {
    IDENTIFY, TRACK, GROUP, PAGE, SCREEN, ALIAS;

    public static SegmentEventType parse(Object raw) {
        if (!(raw instanceof String text) || text.isBlank()) {
            throw new InvalidValueException("type is required (identify, track, group, page, screen or alias)");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("type '" + text + "' is not one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
