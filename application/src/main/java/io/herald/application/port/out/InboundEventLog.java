package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.domain.inbound.InboundEventStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every inbound event Herald acknowledged, with what became of it. Appending is idempotent on the
 * event's {@code messageId}.
 */
public interface InboundEventLog {

    /** Appends the events whose messageId is new; returns the ids given to those, in input order. */
    List<Long> appendNew(List<NewInboundEvent> events);

    /** Locks a still unprocessed event for the current transaction; empty when it was processed already. */
    Optional<InboundEventRecord> lockUnprocessed(long id);

    void recordOutcome(long id, InboundEventStatus status, List<String> messageIds, List<String> automationRunIds,
                       String error, Instant processedAt);

    Page<InboundEventRecord> list(Optional<InboundEventStatus> status, Optional<String> cursor, int limit);

    Optional<InboundEventRecord> find(long id);

    record NewInboundEvent(String messageId, String source, String type, String name, String userId,
                           Map<String, Object> payload, Instant receivedAt) {
    }

    record InboundEventRecord(long id, String messageId, String source, String type, String name, String userId,
                              Map<String, Object> payload, InboundEventStatus status, Instant receivedAt,
                              Instant processedAt, List<String> messageIds, List<String> automationRunIds,
                              String error) {
    }
}
