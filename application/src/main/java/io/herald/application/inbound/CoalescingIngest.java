package io.herald.application.inbound;

import io.herald.application.port.in.IngestSegmentEventsCommand;
import io.herald.application.port.in.IngestSegmentEventsUseCase;
import io.herald.application.support.GroupCommit;
import io.herald.application.support.GroupCommit.Outcome;

import java.util.Collections;

/**
 * Acknowledgements with group commit: concurrent requests share one transaction (see {@link GroupCommit}).
 * A group either commits entirely or fails entirely, since its requests are already validated.
 */
public final class CoalescingIngest implements IngestSegmentEventsUseCase, AutoCloseable {

    private final GroupCommit<IngestSegmentEventsCommand, Boolean> groups;

    public CoalescingIngest(InboundEventWriter writer, int writerThreads, int maxEventsPerTransaction) {
        this.groups = new GroupCommit<>("ingest", commands -> {
            writer.ingestAll(commands);
            return Collections.nCopies(commands.size(), new Outcome.Done<>(Boolean.TRUE));
        }, command -> command.events().size(), writerThreads, maxEventsPerTransaction);
    }

    @Override
    public void ingest(IngestSegmentEventsCommand command) {
        groups.submit(command);
    }

    @Override
    public void close() {
        groups.close();
    }
}
