package io.herald.domain.message;

/** Why a message ended where it did (Courier's reasons). */
public enum MessageReason {
    NO_CHANNELS, NO_PROVIDERS, UNSUBSCRIBED, PROVIDER_ERROR, BOUNCED, FAILED
}
