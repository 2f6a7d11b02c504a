package io.herald.domain.delivery;

/**
 * What a provider made of one delivery attempt, in the provider's own terms turned into Herald's three cases:
 * accepted; failed in a way that may pass (timeouts, rate limits, server errors: retry, then fail over); failed
 * for good (an invalid address, rejected credentials: fail over at once).
 */
public sealed interface DeliveryResult {

    record Sent(String providerMessageId) implements DeliveryResult {
    }

    record TransientFailure(String error) implements DeliveryResult {
    }

    record PermanentFailure(String error) implements DeliveryResult {
    }
}
