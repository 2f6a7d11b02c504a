package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.TrackInboundEventCommand;
import io.herald.application.port.in.TrackInboundEventUseCase;
import jakarta.inject.Singleton;

/** Answers with the event's messageId once "stored", as the use case does. */
@Singleton
public class RecordingTrackInboundEvent extends RecordingFake implements TrackInboundEventUseCase {

    public TrackInboundEventCommand onlyCommand() {
        return onlyCall("track").argument(0, TrackInboundEventCommand.class);
    }

    @Override
    public String track(TrackInboundEventCommand command) {
        called("track", command);
        return command.messageId();
    }
}
