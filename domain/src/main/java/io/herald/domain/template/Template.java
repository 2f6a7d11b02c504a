package io.herald.domain.template;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.RoutingNode;
import io.herald.domain.shared.InvalidValueException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A notification template: content per channel (Handlebars text), the subscription topic it belongs to, the
 * inbound events it is mapped to, and how to route it. Without an explicit routing, a template is sent on the
 * first of its channels that can reach the recipient, in the order they were written.
 */
public record Template(String id, String name, Optional<String> topic, List<String> events, RoutingNode.Group routing,
                       Map<Channel, Map<String, Object>> channels) {

    /** The fields each channel's content may have; string fields are Handlebars templates. */
    public static final Map<Channel, Set<String>> FIELDS = Map.of(
            Channel.EMAIL, Set.of("subject", "html", "text"),
            Channel.SMS, Set.of("body"),
            Channel.PUSH, Set.of("title", "body", "data"),
            Channel.INBOX, Set.of("title", "body", "action_url"));

    public Template {
        Objects.requireNonNull(id);
        events = List.copyOf(events);
        Map<Channel, Map<String, Object>> copy = new EnumMap<>(Channel.class);
        channels.forEach((channel, content) -> copy.put(channel, JsonTrees.deepCopy(content)));
        channels = java.util.Collections.unmodifiableMap(copy);
    }

    /** Reads Herald's template shape, refusing a malformed one with the path of the fault. */
    public static Template parse(String id, Map<String, Object> body) {
        if (id == null || id.isBlank() || id.length() > 256) {
            throw new InvalidValueException("template id must be 1 to 256 characters");
        }
        String name = optionalString(body, "name").orElse(id);
        Optional<String> topic = optionalString(body, "topic").filter(t -> !t.isBlank());
        List<String> events = new ArrayList<>();
        if (body.get("events") != null) {
            if (!(body.get("events") instanceof List<?> list)) {
                throw new InvalidValueException("events must be an array of event names");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String event) || event.isBlank()) {
                    throw new InvalidValueException("events[" + i + "] must be a non-empty string");
                }
                events.add(event);
            }
        }
        if (!(body.get("channels") instanceof Map<?, ?> rawChannels) || rawChannels.isEmpty()) {
            throw new InvalidValueException("channels is required: an object with content for email, sms, push or inbox");
        }
        Map<Channel, Map<String, Object>> channels = new LinkedHashMap<>();
        List<Channel> order = new ArrayList<>();
        for (Map.Entry<String, Object> entry : JsonTrees.asObject(rawChannels).entrySet()) {
            String where = "channels." + entry.getKey();
            Channel channel = Channel.parse(entry.getKey(), "channels key");
            if (!(entry.getValue() instanceof Map<?, ?> content)) {
                throw new InvalidValueException(where + " must be an object");
            }
            Map<String, Object> fields = JsonTrees.asObject(content);
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (!FIELDS.get(channel).contains(field.getKey())) {
                    throw new InvalidValueException(where + "." + field.getKey() + " is not a field of " + channel.wireName()
                            + " content " + FIELDS.get(channel));
                }
                boolean data = field.getKey().equals("data");
                if (data ? !(field.getValue() instanceof Map) : !(field.getValue() instanceof String)) {
                    throw new InvalidValueException(where + "." + field.getKey() + " must be " + (data ? "an object" : "a string"));
                }
            }
            channels.put(channel, fields);
            order.add(channel);
        }
        RoutingNode.Group routing = body.get("routing") == null
                ? new RoutingNode.Group(io.herald.domain.routing.RoutingMethod.SINGLE,
                        order.stream().map(c -> (RoutingNode) new RoutingNode.Leaf(c)).toList())
                : RoutingNode.parse(body.get("routing"), "routing");
        return new Template(id, name, topic, events, routing, channels);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("topic", topic.orElse(null));
        json.put("events", events);
        json.put("routing", routing.toJson());
        Map<String, Object> content = new LinkedHashMap<>();
        channels.forEach((channel, fields) -> content.put(channel.wireName(), fields));
        json.put("channels", content);
        return json;
    }

    private static Optional<String> optionalString(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw new InvalidValueException(field + " must be a string");
        }
        return Optional.ofNullable((String) value);
    }
}
