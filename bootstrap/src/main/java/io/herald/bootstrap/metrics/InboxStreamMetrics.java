package io.herald.bootstrap.metrics;

import io.herald.application.port.in.StreamInboxUseCase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * The inbox streams of this instance ({@code herald_inbox_streams}, {@code herald_inbox_streams_listening} on
 * /prometheus): how many are open, and whether they hear changes as they commit (0 while the listener reconnects; the
 * streams then catch up at their heartbeat, up to 15 s late).
 */
@Context
class InboxStreamMetrics {

    InboxStreamMetrics(StreamInboxUseCase streams, MeterRegistry registry) {
        Gauge.builder("herald.inbox.streams", streams, s -> s.status().open())
                .description("Inbox streams open on this instance").register(registry);
        Gauge.builder("herald.inbox.streams.listening", streams, s -> s.status().listening() ? 1 : 0)
                .description("1 while inbox changes are heard as they commit; 0 while the listener reconnects").register(registry);
    }
}
