package io.herald.domain.routing;

import io.herald.domain.json.JsonFields;
import io.herald.domain.shared.InvalidValueException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A routing tree as Courier writes it: {@code {"method": "single", "channels": ["email", {"method": "all",
 * "channels": ["sms", "push"]}]}}. A leaf is a channel, or a provider standing for its channel and pinning the leaf
 * to it ({@code "sendgrid"}: email through SendGrid only); a group tries its children one after the other
 * ({@code single}) or all together ({@code all}).
 */
public sealed interface RoutingNode {

    record Leaf(Channel channel, Optional<String> provider) implements RoutingNode {
        public Leaf {
            Objects.requireNonNull(channel);
            provider = provider == null ? Optional.empty() : provider;
        }

        public Leaf(Channel channel) {
            this(channel, Optional.empty());
        }

        static Leaf parse(Object raw, String where) {
            if (raw instanceof String name && Channel.find(name).isPresent()) {
                return new Leaf(Channel.parse(name, where));
            }
            ProviderNames.Named named = ProviderNames.parse(raw, where);
            return new Leaf(named.channel(), Optional.of(named.provider()));
        }
    }

    /**
     * @param byUserPreference Courier's {@code "strategy": "user-preference"}: the group's children are tried in the
     *                         order of the recipient's custom routing for the message's topic, when they have one
     */
    record Group(RoutingMethod method, List<RoutingNode> children, boolean byUserPreference) implements RoutingNode {
        public Group {
            Objects.requireNonNull(method);
            children = List.copyOf(children);
        }

        public Group(RoutingMethod method, List<RoutingNode> children) {
            this(method, children, false);
        }

        /** The children in the order of {@code preferred} (by the first of their channels in it), the others after, as they were. */
        Group orderedBy(List<Channel> preferred) {
            List<RoutingNode> ordered = new ArrayList<>(children);
            ordered.sort(java.util.Comparator.comparingInt(child -> child.channels().stream().mapToInt(preferred::indexOf)
                    .filter(index -> index >= 0).min().orElse(Integer.MAX_VALUE)));
            return new Group(method, ordered, byUserPreference);
        }
    }

    static Group single(Channel... channels) {
        return new Group(RoutingMethod.SINGLE, java.util.Arrays.stream(channels).map(c -> (RoutingNode) new Leaf(c)).toList());
    }

    /** Reads a routing object ({@code {method, channels}}), refusing a malformed one with the path of the fault. */
    static Group parse(Object raw, String where) {
        JsonFields routing = JsonFields.of(raw, where, "an object with method and channels");
        RoutingMethod method = RoutingMethod.parse(routing.get("method"), routing.where("method"));
        boolean byUserPreference = false;
        if (routing.has("strategy")) {
            if (!"user-preference".equals(routing.get("strategy"))) {
                throw new InvalidValueException(routing.where("strategy") + " must be \"user-preference\" (Herald has no routing strategies "
                        + "by id: give the routing itself)");
            }
            byUserPreference = true;
        }
        if (!(routing.get("channels") instanceof List<?> rawChannels) || rawChannels.isEmpty()) {
            throw new InvalidValueException(routing.where("channels") + " must be a non-empty array");
        }
        List<RoutingNode> children = new ArrayList<>();
        for (int i = 0; i < rawChannels.size(); i++) {
            Object child = rawChannels.get(i);
            String childWhere = routing.where("channels", i);
            children.add(child instanceof Map<?, ?> ? parse(child, childWhere) : Leaf.parse(child, childWhere));
        }
        return new Group(method, children, byUserPreference);
    }

    /** The JSON form, as {@link #parse} reads it. */
    default Object toJson() {
        if (this instanceof Leaf leaf) {
            return leaf.provider().orElse(leaf.channel().wireName());
        }
        Group group = (Group) this;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", group.method().wireName());
        json.put("channels", group.children().stream().map(RoutingNode::toJson).toList());
        if (group.byUserPreference()) {
            json.put("strategy", "user-preference");
        }
        return json;
    }

    /** The channels of every leaf, in order. */
    default List<Channel> channels() {
        if (this instanceof Leaf leaf) {
            return List.of(leaf.channel());
        }
        return ((Group) this).children().stream().flatMap(child -> child.channels().stream()).toList();
    }

    /** This tree without the leaves whose channel {@code keep} refuses, and without the groups left empty; null if none is left. */
    default RoutingNode prune(Predicate<Channel> keep) {
        return pruneLeaves(leaf -> keep.test(leaf.channel()));
    }

    /** This tree without the leaves {@code keep} refuses, and without the groups left empty; null if none is left. */
    default RoutingNode pruneLeaves(Predicate<Leaf> keep) {
        if (this instanceof Leaf leaf) {
            return keep.test(leaf) ? leaf : null;
        }
        Group group = (Group) this;
        List<RoutingNode> kept = new ArrayList<>();
        for (RoutingNode child : group.children()) {
            RoutingNode pruned = child.pruneLeaves(keep);
            if (pruned != null) {
                kept.add(pruned);
            }
        }
        return kept.isEmpty() ? null : new Group(group.method(), kept, group.byUserPreference());
    }

    default boolean contains(Set<Channel> any) {
        return channels().stream().anyMatch(any::contains);
    }
}
