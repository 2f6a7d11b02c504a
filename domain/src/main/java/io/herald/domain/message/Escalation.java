package io.herald.domain.message;

import io.herald.domain.shared.InvalidValueException;

import java.time.Duration;

/**
 * A send's {@code timeout}: when a sent channel has not reached {@code criteria} within {@code after}, the
 * message moves on to the next channel of a {@code single} routing.
 */
public record Escalation(Duration after, Criteria criteria) {

    public enum Criteria {
        /** A delivery receipt from the provider. */
        DELIVERED,
        /** An open (email open, push or inbox read). */
        VIEWED,
        /** A click. */
        ENGAGED;

        public static Criteria parse(Object raw, String where) {
            if (raw == null) {
                return DELIVERED;
            }
            return switch (String.valueOf(raw)) {
                case "delivered" -> DELIVERED;
                case "viewed" -> VIEWED;
                case "engaged" -> ENGAGED;
                default -> throw new InvalidValueException(where + " must be \"delivered\", \"viewed\", \"engaged\" or \"no-escalation\"");
            };
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether a delivery that reached {@code status} (SENT, DELIVERED, OPENED, CLICKED) meets the criteria. */
        public boolean metBy(MessageStatus status) {
            return switch (this) {
                case DELIVERED -> status == MessageStatus.DELIVERED || status == MessageStatus.OPENED || status == MessageStatus.CLICKED;
                case VIEWED -> status == MessageStatus.OPENED || status == MessageStatus.CLICKED;
                case ENGAGED -> status == MessageStatus.CLICKED;
            };
        }
    }
}
