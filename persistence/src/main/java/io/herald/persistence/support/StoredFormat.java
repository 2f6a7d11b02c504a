package io.herald.persistence.support;

/**
 * The format versions of the API JSON Herald stores (ADR 0007): the version it writes, and the check on read
 * that refuses a row written in a newer format than this Herald knows.
 */
public enum StoredFormat {
    /** {@code messages.spec}: Courier's {@code message} object for one recipient. */
    MESSAGE_SPEC(1),
    /** {@code templates.channels} and {@code routing}: the template as {@code PUT /templates/{id}} takes it. */
    TEMPLATE(1),
    /** {@code automations.definition}: the automation as {@code PUT /automations/{id}} takes it. */
    AUTOMATION(1);

    private final int current;

    StoredFormat(int current) {
        this.current = current;
    }

    /** The version written now. */
    public int current() {
        return current;
    }

    /** Fails on a row in a format newer than this Herald reads. */
    public void check(int found, String rowId) {
        if (found > current) {
            throw new IllegalStateException(name().toLowerCase(java.util.Locale.ROOT) + " " + rowId + " is stored in format "
                    + found + ", written by a newer Herald; this one reads format " + current + " and older");
        }
    }
}
