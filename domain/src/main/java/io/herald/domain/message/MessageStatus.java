package io.herald.domain.message;

/**
 * Where a message stands (Courier's statuses). A message only ever moves forward: along
 * {@code ENQUEUED → DELAYED → ROUTED → SENT → DELIVERED → OPENED → CLICKED}, or into an end state
 * ({@code UNROUTABLE, UNMAPPED, CANCELED, FILTERED, THROTTLED} before it is sent; {@code UNDELIVERABLE} before it is delivered).
 * A late or repeated provider callback that would move it back is ignored (its time is still recorded).
 */
public enum MessageStatus {
    ENQUEUED(0), DELAYED(1), ROUTED(2), SENT(3), DELIVERED(4), OPENED(5), CLICKED(6),
    UNDELIVERABLE(-1), UNROUTABLE(-1), UNMAPPED(-1), CANCELED(-1), FILTERED(-1), THROTTLED(-1);

    private final int progress;

    MessageStatus(int progress) {
        this.progress = progress;
    }

    public boolean isEnd() {
        return progress < 0;
    }

    /** Not yet handed to any provider: it can still be delayed, routed, canceled. */
    public boolean isBeforeSending() {
        return progress >= 0 && progress < SENT.progress;
    }

    public boolean canMoveTo(MessageStatus next) {
        if (isEnd() || next == this) {
            return false;
        }
        return switch (next) {
            case UNDELIVERABLE -> progress < DELIVERED.progress;
            case UNROUTABLE, UNMAPPED, CANCELED, FILTERED, THROTTLED -> isBeforeSending();
            default -> next.progress > progress;
        };
    }
}
