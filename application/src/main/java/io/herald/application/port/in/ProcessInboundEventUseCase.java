package io.herald.application.port.in;

/**
 * Applies one acknowledged inbound event: profile, tenant, last activity, and whatever is mapped to it.
 * Runs as durable work; processing an event twice has no further effect.
 */
public interface ProcessInboundEventUseCase {

    void process(long inboundEventId);

    /** Ends an event that can never be processed (its payload breaks a rule) as FAILED, with the reason. */
    void recordFailure(long inboundEventId, String reason);
}
