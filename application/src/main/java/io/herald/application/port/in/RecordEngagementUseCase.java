package io.herald.application.port.in;

import io.herald.domain.message.MessageId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider (or the inbox) reports about a message after sending it: delivered, opened, clicked, or
 * that it could not be delivered after all.
 */
public interface RecordEngagementUseCase {

    /** @return false when no message matches the report (it is then ignored) */
    boolean record(EngagementReport report);

    enum Kind { DELIVERED, OPENED, CLICKED, BOUNCED, FAILED }

    /**
     * The message is named by Herald's id, or by the provider's own id for it, or both.
     *
     * @param detail the provider's reason for a bounce or failure (an error code, a bounce reason)
     */
    /**
     * @param receipt what makes this report unique at its provider (SendGrid's {@code sg_event_id}, Twilio's
     *                MessageSid and status): a report whose receipt was seen before is acknowledged and changes nothing
     */
    record EngagementReport(String provider, Optional<MessageId> messageId, Optional<String> providerMessageId, Kind kind,
                            Instant at, Optional<String> detail, Optional<String> receipt) {

        public EngagementReport(String provider, Optional<MessageId> messageId, Optional<String> providerMessageId, Kind kind,
                                Instant at, Optional<String> detail) {
            this(provider, messageId, providerMessageId, kind, at, detail, Optional.empty());
        }

        public EngagementReport {
            Objects.requireNonNull(provider);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(at);
            if (messageId.isEmpty() && providerMessageId.isEmpty()) {
                throw new IllegalArgumentException("a report names its message");
            }
        }
    }
}
