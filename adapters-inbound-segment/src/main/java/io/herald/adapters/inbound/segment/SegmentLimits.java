package io.herald.adapters.inbound.segment;

import java.util.Collection;
import java.util.Map;

/** Segment's own limits on the HTTP Tracking API, enforced the same way so a client sees the same behaviour. */
final class SegmentLimits {

    static final int MAX_EVENT_BYTES = 32 * 1024;
    static final int MAX_BATCH_BYTES = 500 * 1024;
    static final int MAX_BATCH_EVENTS = 2500;

    private SegmentLimits() {
    }

    /**
     * The size in bytes of a parsed JSON tree as Jackson writes it compactly to bytes (UTF-8, with a character beyond
     * the Basic Multilingual Plane, an emoji, as two six-byte escapes): what an event of a batch weighs against
     * {@link #MAX_EVENT_BYTES}, as it did when each event was written out to be measured. Counting is a walk of the tree; writing each event of a batch
     * again only to measure it cost as much as storing it.
     */
    static long jsonBytes(Object node) {
        if (node == null) {
            return 4;
        }
        if (node instanceof String text) {
            return stringBytes(text);
        }
        if (node instanceof Map<?, ?> object) {
            long bytes = 2 + Math.max(0, object.size() - 1);
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                bytes += stringBytes(String.valueOf(entry.getKey())) + 1 + jsonBytes(entry.getValue());
            }
            return bytes;
        }
        if (node instanceof Collection<?> array) {
            long bytes = 2 + Math.max(0, array.size() - 1);
            for (Object item : array) {
                bytes += jsonBytes(item);
            }
            return bytes;
        }
        return String.valueOf(node).length();
    }

    /** Quotes, escapes (two characters for the short ones, six for other control characters and surrogates) and UTF-8. */
    private static long stringBytes(String text) {
        long bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                bytes += 2;
            } else if (c < 0x20) {
                bytes += 6;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isSurrogate(c)) {
                bytes += 6;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
