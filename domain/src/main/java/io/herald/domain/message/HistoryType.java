package io.herald.domain.message;

/** The kinds of entries in a message's history. */
public enum HistoryType {
    ENQUEUED, MAPPED, PROFILE_LOADED, RENDERED, ROUTED, SENT, DELIVERED, OPENED, CLICKED, UNDELIVERABLE, UNROUTABLE,
    ESCALATED, CANCELED, DELAYED, UNMAPPED, PROVIDER_ERROR, THROTTLED
}
