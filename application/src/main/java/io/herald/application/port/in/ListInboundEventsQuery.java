package io.herald.application.port.in;

import io.herald.domain.inbound.InboundEventStatus;
import io.herald.domain.shared.InvalidValueException;

import java.util.Optional;

public record ListInboundEventsQuery(Optional<InboundEventStatus> status, Optional<String> cursor, int limit) {

    public static final int MAX_LIMIT = 100;

    public ListInboundEventsQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
