package io.herald.application.inbound;

import io.herald.application.port.in.IngestSegmentEventsCommand;

import java.util.List;

/**
 * Stores the events of several ingest requests in one transaction, with one job to process them all.
 * {@link CoalescingIngest} groups concurrent requests into such calls.
 */
public interface InboundEventWriter {

    void ingestAll(List<IngestSegmentEventsCommand> commands);
}
