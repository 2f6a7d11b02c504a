package io.herald.application.port.in;

import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.util.Optional;

/**
 * Sends work that gave up through Herald again, for the operator who fixed a configuration or sat out an outage
 * longer than the give-up time (DESIGN §10). Each call works in pages, a transaction per page, and answers how
 * many it re-drove.
 */
public interface RedriveUseCase {

    /** Undeliverable (or unroutable) messages, enqueued within the range, that match every filter given. */
    int redriveMessages(MessageFilter filter);

    /** Inbound events set aside as FAILED: they are processed again, in order. */
    int redriveInboundEvents(Window window, Optional<String> type);

    /** Automation runs that FAILED: each goes on from the step that failed. */
    int redriveAutomationRuns(Window window, Optional<String> automationId);

    /** A time range, either end open. */
    record Window(Optional<Instant> from, Optional<Instant> to) {

        public Window {
            if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
                throw new InvalidValueException("from must be before to");
            }
        }
    }

    record MessageFilter(MessageStatus status, Optional<String> provider, Optional<Channel> channel, Optional<String> template,
                         Window enqueued) {

        public MessageFilter {
            if (status != MessageStatus.UNDELIVERABLE && status != MessageStatus.UNROUTABLE) {
                throw new InvalidValueException("status must be UNDELIVERABLE or UNROUTABLE: only messages that gave up can be re-driven");
            }
        }
    }
}
