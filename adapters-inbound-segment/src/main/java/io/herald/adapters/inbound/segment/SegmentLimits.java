package io.herald.adapters.inbound.segment;

/** Segment's own limits on the HTTP Tracking API, enforced the same way so a client sees the same behaviour. */
final class SegmentLimits {

    static final int MAX_EVENT_BYTES = 32 * 1024;
    static final int MAX_BATCH_BYTES = 500 * 1024;
    static final int MAX_BATCH_EVENTS = 2500;

    private SegmentLimits() {
    }
}
