package io.herald.application.template;

import java.io.Writer;

/**
 * A writer that keeps what is written in memory up to a number of UTF-8 bytes and refuses anything beyond it, so a
 * template can never render more than its limit, however large the loop it runs.
 */
final class BoundedWriter extends Writer {

    /** Thrown when the limit is passed; rendering stops there. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final long maxBytes;
    private long bytes;

    BoundedWriter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        if (bytes > maxBytes) {
            throw new TooLarge();
        }
        text.append(chars, offset, length);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
