package io.herald.bootstrap.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code herald.ingest.*}: group commit of acknowledged Segment events.
 *
 * @param writers                 threads that write concurrent acknowledgements, sharing transactions
 * @param maxEventsPerTransaction events that one transaction takes at most
 */
@ConfigurationProperties("herald.ingest")
record IngestConfiguration(
        @Bindable(defaultValue = "2") int writers,
        @Bindable(defaultValue = "2500") int maxEventsPerTransaction) {
}
