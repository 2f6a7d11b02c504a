package io.herald.domain.routing;

import io.herald.domain.message.MessageReason;

/** The outcome of routing a message: a plan to deliver on, or why it cannot be routed. */
public sealed interface RoutingDecision {

    record Routed(DeliveryPlan plan) implements RoutingDecision {
    }

    record Unroutable(MessageReason reason, String detail) implements RoutingDecision {
    }
}
