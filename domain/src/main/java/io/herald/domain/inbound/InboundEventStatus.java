package io.herald.domain.inbound;

/**
 * Where an inbound event stands. It is {@code RECEIVED} once acknowledged; processing ends it as
 * {@code MAPPED} (a track event that fired templates or automations), {@code UNMAPPED} (a track event
 * nothing is mapped to), {@code FILTERED} (mapped only to automations whose {@code trigger.if} did not hold; the
 * reason is kept), {@code PROCESSED} (identify, group and the rest) or {@code FAILED}.
 */
public enum InboundEventStatus {
    RECEIVED, MAPPED, UNMAPPED, FILTERED, PROCESSED, FAILED
}
