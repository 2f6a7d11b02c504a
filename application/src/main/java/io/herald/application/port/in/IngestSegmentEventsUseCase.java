package io.herald.application.port.in;

/**
 * Segment's door: acknowledges events only once they are stored, and leaves their processing to durable work.
 */
public interface IngestSegmentEventsUseCase {

    Acknowledgement ingest(IngestSegmentEventsCommand command);

    /** @param duplicates events whose messageId Herald had already acknowledged; they are not processed again */
    record Acknowledgement(int accepted, int duplicates) {
    }
}
