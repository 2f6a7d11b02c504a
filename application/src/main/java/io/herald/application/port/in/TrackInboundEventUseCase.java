package io.herald.application.port.in;

/**
 * Courier's inbound track API: one event, deduplicated strictly (a repeated messageId is a conflict).
 */
public interface TrackInboundEventUseCase {

    /** @return the event's messageId, once the event is stored */
    String track(TrackInboundEventCommand command);
}
