package io.herald.domain.delivery;

/**
 * What a provider made of one delivery attempt, in the provider's own terms turned into Herald's three cases:
 * accepted; failed in a way that may pass (timeouts, rate limits, server errors: retry, then fail over); failed
 * for good (an invalid address, rejected credentials: fail over at once). Failures keep the provider's HTTP status
 * when there was one.
 */
public sealed interface DeliveryResult {

    record Sent(String providerMessageId) implements DeliveryResult {
    }

    /**
     * @param statusCode the provider's HTTP status, or null when none came back
     * @param timeout    no answer came in time: the provider may or may not have the message
     * @param called     false when Herald did not call the provider at all (its circuit was open, its queue full)
     */
    record TransientFailure(String error, Integer statusCode, boolean timeout, boolean called) implements DeliveryResult {

        public TransientFailure(String error) {
            this(error, null, false, true);
        }

        public static TransientFailure status(int statusCode, String error) {
            return new TransientFailure(error, statusCode, false, true);
        }

        public static TransientFailure timedOut(String error) {
            return new TransientFailure(error, null, true, true);
        }

        public static TransientFailure notCalled(String error) {
            return new TransientFailure(error, null, false, false);
        }
    }

    record PermanentFailure(String error, Integer statusCode) implements DeliveryResult {

        public PermanentFailure(String error) {
            this(error, null);
        }
    }
}
