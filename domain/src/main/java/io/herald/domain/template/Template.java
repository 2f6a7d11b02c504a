package io.herald.domain.template;

import io.herald.domain.json.JsonFields;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.throttle.Throttle;
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
                       Map<Channel, Map<String, Object>> channels, Optional<String> brand, Optional<Elemental> content,
                       List<String> tags, Optional<Integer> version, Optional<Throttle> throttle) {

    /** The routing of a template with Elemental content and none of its own: the first channel that reaches the recipient. */
    public static final RoutingNode.Group FIRST_REACHABLE = RoutingNode.single(Channel.EMAIL, Channel.PUSH, Channel.SMS, Channel.INBOX);

    /** The fields each channel's content may have; string fields are Handlebars templates. */
    public static final Map<Channel, Set<String>> FIELDS = Map.of(
            Channel.EMAIL, Set.of("subject", "html", "text"),
            Channel.SMS, Set.of("body"),
            Channel.PUSH, Set.of("title", "body", "data"),
            Channel.INBOX, Set.of("title", "body", "action_url"));

    public Template {
        Objects.requireNonNull(id);
        events = List.copyOf(events);
        brand = brand == null ? Optional.empty() : brand;
        content = content == null ? Optional.empty() : content;
        tags = tags == null ? List.of() : List.copyOf(tags);
        version = version == null ? Optional.empty() : version;
        throttle = throttle == null ? Optional.empty() : throttle;
        Map<Channel, Map<String, Object>> copy = new EnumMap<>(Channel.class);
        channels.forEach((channel, fields) -> copy.put(channel, JsonTrees.deepCopy(fields)));
        channels = java.util.Collections.unmodifiableMap(copy);
    }

    /** Reads Herald's template shape, refusing a malformed one with the path of the fault. */
    public static Template parse(String id, Map<String, Object> body) {
        if (id == null || id.isBlank() || id.length() > 256) {
            throw new InvalidValueException("template id must be 1 to 256 characters");
        }
        JsonFields template = JsonFields.of(body, "");
        String name = template.optionalString("name").orElse(id);
        Optional<String> topic = template.optionalString("topic").filter(t -> !t.isBlank());
        Optional<String> brand = template.get("brand") == null ? Optional.empty() : template.optionalText("brand");
        List<String> events = new ArrayList<>();
        if (template.has("events")) {
            if (!(template.get("events") instanceof List<?> list)) {
                throw new InvalidValueException(template.where("events") + " must be an array of event names");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String event) || event.isBlank()) {
                    throw new InvalidValueException(template.where("events", i) + " must be a non-empty string");
                }
                events.add(event);
            }
        }
        List<String> tags = template.optionalStrings("tags").orElse(List.of());
        Optional<Integer> version = template.get("version") instanceof Number number ? Optional.of(number.intValue()) : Optional.empty();
        Optional<Throttle> throttle = template.get("throttle") == null ? Optional.empty()
                : Optional.of(Throttle.parse(template.get("throttle"), template.where("throttle")));
        if (template.get("content") != null) {
            if (template.has("channels")) {
                throw new InvalidValueException("a template has either channels or Elemental content, not both");
            }
            Elemental elemental = Elemental.parse(template.get("content"), template.where("content"));
            RoutingNode.Group routing = template.has("routing") ? RoutingNode.parse(template.get("routing"), template.where("routing"))
                    : FIRST_REACHABLE;
            return new Template(id, name, topic, events, routing, Map.of(), brand, Optional.of(elemental), tags, version, throttle);
        }
        if (!(template.get("channels") instanceof Map<?, ?> rawChannels) || rawChannels.isEmpty()) {
            throw new InvalidValueException(template.where("channels") + " is required: an object with content for email, sms, push or inbox"
                    + " (or content: Elemental content)");
        }
        JsonFields byChannel = JsonFields.of(rawChannels, template.where("channels"));
        Map<Channel, Map<String, Object>> channels = new LinkedHashMap<>();
        List<Channel> order = new ArrayList<>();
        for (Map.Entry<String, Object> entry : byChannel.raw().entrySet()) {
            Channel channel = Channel.parse(entry.getKey(), "channels key");
            JsonFields content = JsonFields.of(entry.getValue(), byChannel.where(entry.getKey()));
            for (Map.Entry<String, Object> field : content.raw().entrySet()) {
                if (!FIELDS.get(channel).contains(field.getKey())) {
                    throw new InvalidValueException(content.where(field.getKey()) + " is not a field of " + channel.wireName()
                            + " content " + FIELDS.get(channel));
                }
                boolean data = field.getKey().equals("data");
                if (data ? !(field.getValue() instanceof Map) : !(field.getValue() instanceof String)) {
                    throw new InvalidValueException(content.where(field.getKey()) + " must be " + (data ? "an object" : "a string"));
                }
            }
            channels.put(channel, content.raw());
            order.add(channel);
        }
        RoutingNode.Group routing = template.has("routing")
                ? RoutingNode.parse(template.get("routing"), template.where("routing"))
                : new RoutingNode.Group(io.herald.domain.routing.RoutingMethod.SINGLE,
                        order.stream().map(c -> (RoutingNode) new RoutingNode.Leaf(c)).toList());
        return new Template(id, name, topic, events, routing, channels, brand, Optional.empty(), tags, version, throttle);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("topic", topic.orElse(null));
        brand.ifPresent(id -> json.put("brand", id));
        json.put("events", events);
        json.put("routing", routing.toJson());
        if (content.isPresent()) {
            json.put("content", content.get().toJson());
        } else {
            Map<String, Object> byChannel = new LinkedHashMap<>();
            channels.forEach((channel, fields) -> byChannel.put(channel.wireName(), fields));
            json.put("channels", byChannel);
        }
        if (!tags.isEmpty()) {
            json.put("tags", tags);
        }
        version.ifPresent(number -> json.put("version", number));
        throttle.ifPresent(limit -> json.put("throttle", limit.toJson()));
        return json;
    }

    /** The channels this template has content for: all of them for Elemental content. */
    public Set<Channel> channelsWithContent() {
        return content.isPresent() ? java.util.EnumSet.allOf(Channel.class) : channels.keySet();
    }

    /**
     * This workspace template as a tenant sends it: the content, routing and version of the tenant's own version, the
     * id, name, topic, mapped events and brand of this one.
     */
    public Template asTenantSends(Template tenantVersion) {
        return new Template(id, name, topic, events, tenantVersion.routing(), tenantVersion.channels(), brand, tenantVersion.content(), tags,
                tenantVersion.version(), throttle);
    }

    /** The same template as published as version {@code number}. */
    public Template asVersion(int number) {
        return new Template(id, name, topic, events, routing, channels, brand, content, tags, Optional.of(number), throttle);
    }

    /**
     * The content as Elemental: the template's own, or its channels' content as channel elements with raw fields, which
     * render the same.
     */
    public Elemental elemental() {
        if (content.isPresent()) {
            return content.get();
        }
        List<Map<String, Object>> elements = new ArrayList<>();
        channels.forEach((channel, fields) -> elements.add(Map.of("type", "channel", "channel", channel.wireName(), "raw", fields)));
        return new Elemental(Elemental.VERSION, elements);
    }
}
