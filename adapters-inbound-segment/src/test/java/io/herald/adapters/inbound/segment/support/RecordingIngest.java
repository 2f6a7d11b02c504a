package io.herald.adapters.inbound.segment.support;

import io.herald.application.port.in.IngestSegmentEventsCommand;
import io.herald.application.port.in.IngestSegmentEventsUseCase;
import io.herald.domain.inbound.SegmentEvent;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each command the controller hands to the core, as the durable store would receive it. */
@Singleton
public class RecordingIngest implements IngestSegmentEventsUseCase {

    private final List<IngestSegmentEventsCommand> commands = new CopyOnWriteArrayList<>();

    public List<IngestSegmentEventsCommand> commands() {
        return List.copyOf(commands);
    }

    /** The one command the request made. */
    public IngestSegmentEventsCommand onlyCommand() {
        if (commands.size() != 1) {
            throw new AssertionError("expected exactly one ingest, got " + commands);
        }
        return commands.get(0);
    }

    /** The events of the one command the request made. */
    public List<SegmentEvent> events() {
        return onlyCommand().events();
    }

    public void reset() {
        commands.clear();
    }

    @Override
    public void ingest(IngestSegmentEventsCommand command) {
        commands.add(command);
    }
}
