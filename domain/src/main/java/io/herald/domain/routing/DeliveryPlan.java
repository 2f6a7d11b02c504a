package io.herald.domain.routing;

import io.herald.domain.json.JsonFields;
import io.herald.domain.routing.RoutingNode.Group;
import io.herald.domain.routing.RoutingNode.Leaf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a message stands on its routing tree. Each leaf (named by its path, e.g. {@code "1.0"}) is pending,
 * sent, failed (every provider of its channel gave up) or escalated (sent, but not delivered or viewed in time).
 * A {@code single} group works on its first child that has not failed, so a failure or an escalation falls
 * through to the next; an {@code all} group works on every child. Immutable.
 */
public final class DeliveryPlan {

    public enum LeafState { PENDING, SENT, FAILED, ESCALATED }

    private enum Outcome { IN_PROGRESS, SUCCEEDED, FAILED }

    /** A leaf to deliver on. */
    public record Target(String leafId, Channel channel) {
    }

    private final Group routing;
    private final Map<String, LeafState> states;

    private DeliveryPlan(Group routing, Map<String, LeafState> states) {
        this.routing = Objects.requireNonNull(routing);
        this.states = Map.copyOf(states);
    }

    public static DeliveryPlan of(Group routing) {
        return new DeliveryPlan(routing, Map.of());
    }

    public Group routing() {
        return routing;
    }

    public LeafState state(String leafId) {
        return states.getOrDefault(leafId, LeafState.PENDING);
    }

    public Channel channelOf(String leafId) {
        return leaf(leafId).channel();
    }

    /** The provider the leaf is pinned to, when its routing named a provider rather than a channel. */
    public java.util.Optional<String> providerOf(String leafId) {
        return leaf(leafId).provider();
    }

    private Leaf leaf(String leafId) {
        RoutingNode node = routing;
        for (String index : leafId.split("\\.", -1)) {
            node = ((Group) node).children().get(Integer.parseInt(index));
        }
        return (Leaf) node;
    }

    public DeliveryPlan with(String leafId, LeafState state) {
        channelOf(leafId);
        Map<String, LeafState> next = new LinkedHashMap<>(states);
        next.put(leafId, state);
        return new DeliveryPlan(routing, next);
    }

    /** The leaves to deliver on now. Empty when the plan succeeded, failed, or waits on a sent leaf. */
    public List<Target> due() {
        List<Target> due = new ArrayList<>();
        collectDue(routing, "", due);
        return due;
    }

    /**
     * Whether giving up on this leaf leads somewhere: a {@code single} group would move on to a leaf that is not
     * due now. False when failing it would only drop it (the last option, or one leaf of an {@code all} group).
     */
    public boolean hasFallback(String leafId) {
        List<Target> dueNow = due();
        return with(leafId, LeafState.FAILED).due().stream().anyMatch(target -> !dueNow.contains(target));
    }

    /** The leaves that were sent and still count (not escalated). */
    public List<Target> sent() {
        List<Target> sent = new ArrayList<>();
        forEachLeaf(routing, "", (id, channel) -> {
            if (state(id) == LeafState.SENT) {
                sent.add(new Target(id, channel));
            }
        });
        return sent;
    }

    /** Every channel and provider option is used up: nothing is pending and nothing sent counts any more. */
    public boolean isExhausted() {
        return outcome(routing, "") == Outcome.FAILED;
    }

    public boolean everSent() {
        return states.values().stream().anyMatch(state -> state == LeafState.SENT || state == LeafState.ESCALATED);
    }

    private void collectDue(RoutingNode node, String id, List<Target> due) {
        if (node instanceof Leaf leaf) {
            if (state(id) == LeafState.PENDING) {
                due.add(new Target(id, leaf.channel()));
            }
            return;
        }
        Group group = (Group) node;
        for (int i = 0; i < group.children().size(); i++) {
            RoutingNode child = group.children().get(i);
            String childId = childId(id, i);
            if (group.method() == RoutingMethod.ALL) {
                collectDue(child, childId, due);
            } else if (outcome(child, childId) != Outcome.FAILED) {
                collectDue(child, childId, due);
                return;
            }
        }
    }

    private Outcome outcome(RoutingNode node, String id) {
        if (node instanceof Leaf) {
            return switch (state(id)) {
                case PENDING -> Outcome.IN_PROGRESS;
                case SENT -> Outcome.SUCCEEDED;
                case FAILED, ESCALATED -> Outcome.FAILED;
            };
        }
        Group group = (Group) node;
        if (group.method() == RoutingMethod.SINGLE) {
            for (int i = 0; i < group.children().size(); i++) {
                Outcome child = outcome(group.children().get(i), childId(id, i));
                if (child != Outcome.FAILED) {
                    return child;
                }
            }
            return Outcome.FAILED;
        }
        boolean succeeded = false;
        for (int i = 0; i < group.children().size(); i++) {
            Outcome child = outcome(group.children().get(i), childId(id, i));
            if (child == Outcome.IN_PROGRESS) {
                return Outcome.IN_PROGRESS;
            }
            succeeded |= child == Outcome.SUCCEEDED;
        }
        return succeeded ? Outcome.SUCCEEDED : Outcome.FAILED;
    }

    private void forEachLeaf(RoutingNode node, String id, java.util.function.BiConsumer<String, Channel> action) {
        if (node instanceof Leaf leaf) {
            action.accept(id, leaf.channel());
            return;
        }
        List<RoutingNode> children = ((Group) node).children();
        for (int i = 0; i < children.size(); i++) {
            forEachLeaf(children.get(i), childId(id, i), action);
        }
    }

    private static String childId(String parent, int index) {
        return parent.isEmpty() ? Integer.toString(index) : parent + "." + index;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("routing", routing.toJson());
        Map<String, Object> leaves = new LinkedHashMap<>();
        states.forEach((id, state) -> leaves.put(id, state.name()));
        json.put("leaves", leaves);
        return json;
    }

    public static DeliveryPlan fromJson(Map<String, Object> json) {
        JsonFields plan = JsonFields.of(json, "plan");
        Group routing = RoutingNode.parse(plan.get("routing"), plan.where("routing"));
        Map<String, LeafState> states = new LinkedHashMap<>();
        plan.optionalMap("leaves").ifPresent(leaves -> leaves.forEach((id, state) -> states.put(id, LeafState.valueOf((String) state))));
        return new DeliveryPlan(routing, states);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeliveryPlan plan && routing.equals(plan.routing) && states.equals(plan.states);
    }

    @Override
    public int hashCode() {
        return Objects.hash(routing, states);
    }
}
