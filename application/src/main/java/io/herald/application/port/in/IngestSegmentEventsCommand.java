package io.herald.application.port.in;

import io.herald.domain.inbound.SegmentEvent;

import java.util.List;
import java.util.Objects;

/**
 * @param events already checked against the Segment spec, in the order they arrived
 * @param source where they came from ({@code segment-webhook}, {@code segment-api}), kept in the event log
 */
public record IngestSegmentEventsCommand(List<SegmentEvent> events, String source) {

    public IngestSegmentEventsCommand {
        events = List.copyOf(Objects.requireNonNull(events));
        Objects.requireNonNull(source);
    }
}
