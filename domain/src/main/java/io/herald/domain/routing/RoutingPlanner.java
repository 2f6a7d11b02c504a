package io.herald.domain.routing;

import io.herald.domain.routing.RoutingDecision.Routed;
import io.herald.domain.routing.RoutingDecision.Unroutable;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides which channels a message may use: the routing tree, narrowed by the recipient's preferences for the
 * message's topic, by the addresses the recipient has, and by the channels that have a provider configured.
 */
public final class RoutingPlanner {

    private RoutingPlanner() {
    }

    public static RoutingDecision plan(RoutingNode.Group routing, Reachability reachability,
                                       Optional<? extends RoutingPreference> preference, Set<Channel> channelsWithProviders) {
        return plan(routing, reachability, preference, leaf -> channelsWithProviders.contains(leaf.channel()));
    }

    /** @param hasProvider whether a provider is configured (and allowed by the send) for a leaf: its channel, or the provider it names */
    public static RoutingDecision plan(RoutingNode.Group routing, Reachability reachability,
                                       Optional<? extends RoutingPreference> preference, Predicate<RoutingNode.Leaf> hasProvider) {
        RoutingNode candidates = routing;
        if (preference.isPresent()) {
            RoutingPreference topic = preference.get();
            if (topic.optedOut()) {
                return new Unroutable(RoutingDecision.Why.UNSUBSCRIBED, "the recipient opted out of topic '" + topic.topicId() + "'");
            }
            if (topic.hasCustomRouting()) {
                candidates = candidates.prune(topic.customRouting()::contains);
                if (candidates == null) {
                    return new Unroutable(RoutingDecision.Why.NO_CHANNELS,
                            "none of the message's channels is in the recipient's custom routing for topic '" + topic.topicId() + "'");
                }
                if (candidates instanceof RoutingNode.Group group && group.byUserPreference()) {
                    candidates = group.orderedBy(topic.customRouting());
                }
            }
        }
        RoutingNode reachable = candidates.prune(reachability::reaches);
        if (reachable == null) {
            return new Unroutable(RoutingDecision.Why.NO_CHANNELS, "the recipient has no address for any of the channels " + channelNames(candidates));
        }
        RoutingNode deliverable = reachable.pruneLeaves(hasProvider);
        if (deliverable == null) {
            return new Unroutable(RoutingDecision.Why.NO_PROVIDERS, "no provider is configured for the channels " + channelNames(reachable));
        }
        RoutingNode.Group root = deliverable instanceof RoutingNode.Group group
                ? group
                : new RoutingNode.Group(routing.method(), java.util.List.of(deliverable));
        return new Routed(DeliveryPlan.of(root));
    }

    private static String channelNames(RoutingNode node) {
        return node.channels().stream().map(Channel::wireName).distinct().toList().toString();
    }
}
