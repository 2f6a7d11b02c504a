package io.herald.domain.routing;

/** The outcome of routing a message: a plan to deliver on, or why it cannot be routed. */
public sealed interface RoutingDecision {

    record Routed(DeliveryPlan plan) implements RoutingDecision {
    }

    record Unroutable(Why reason, String detail) implements RoutingDecision {
    }

    /** Why routing found no way; the message records it as its reason. */
    enum Why {
        /** The recipient opted out of the message's topic. */
        UNSUBSCRIBED,
        /** No channel of the routing reaches the recipient, or has content. */
        NO_CHANNELS,
        /** No provider is configured for the channels that would reach the recipient. */
        NO_PROVIDERS
    }
}
