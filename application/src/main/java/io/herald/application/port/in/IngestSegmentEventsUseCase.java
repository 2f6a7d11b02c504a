package io.herald.application.port.in;

/**
 * Segment's door: returns once the events are stored (events whose messageId was seen before are acknowledged
 * and not stored again); their processing is left to durable work.
 */
public interface IngestSegmentEventsUseCase {

    void ingest(IngestSegmentEventsCommand command);
}
