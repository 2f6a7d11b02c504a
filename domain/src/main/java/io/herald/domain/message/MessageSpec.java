package io.herald.domain.message;

import io.herald.domain.json.JsonTrees;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.RoutingNode;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Content;
import io.herald.domain.time.Durations;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a send asks for (Courier's {@code message} object), checked field by field with errors that name the
 * field ({@code message.routing.channels[1]}). A send to several recipients becomes one spec per recipient,
 * each stored with its message.
 */
public record MessageSpec(
        List<Recipient> to,
        Optional<String> template,
        Optional<Content> content,
        Map<String, Object> data,
        Optional<RoutingNode.Group> routing,
        Map<String, Object> channels,
        Map<String, Object> providers,
        Optional<DelaySpec> delay,
        Optional<ExpirySpec> expiry,
        Optional<Escalation> escalation,
        Map<String, Object> metadata,
        Optional<String> topicId,
        Map<String, Object> raw) {

    public static final String ROOT = "message";

    /** {@code delay}: a duration from now, or a moment. */
    public record DelaySpec(Optional<Duration> duration, Optional<Instant> until) {
        public Instant from(Instant now) {
            return until.orElseGet(() -> now.plus(duration.orElse(Duration.ZERO)));
        }
    }

    /** {@code expiry}: a message not sent by then is given up. */
    public record ExpirySpec(Optional<Duration> expiresIn, Optional<Instant> expiresAt) {
        public Instant from(Instant now) {
            return expiresAt.orElseGet(() -> now.plus(expiresIn.orElseThrow()));
        }
    }

    public static MessageSpec parse(Map<String, Object> message) {
        if (message == null) {
            throw new InvalidValueException(ROOT + " is required and must be an object");
        }
        List<Recipient> to = recipients(message.get("to"));
        Optional<String> template = optionalString(message, "template");
        Optional<Content> content = message.get("content") == null ? Optional.empty()
                : Optional.of(Content.parse(message.get("content"), ROOT + ".content"));
        if (template.isPresent() == content.isPresent()) {
            throw new InvalidValueException(template.isPresent()
                    ? ROOT + ": send either template or content, not both"
                    : ROOT + ".template or " + ROOT + ".content is required");
        }
        Map<String, Object> data = optionalObject(message, "data");
        Optional<RoutingNode.Group> routing = message.get("routing") == null ? Optional.empty()
                : Optional.of(RoutingNode.parse(message.get("routing"), ROOT + ".routing"));
        Map<String, Object> channels = channelSettings(optionalObject(message, "channels"));
        Map<String, Object> providers = providerSettings(optionalObject(message, "providers"));
        Optional<DelaySpec> delay = message.get("delay") == null ? Optional.empty() : Optional.of(delay(optionalObject(message, "delay")));
        Optional<ExpirySpec> expiry = message.get("expiry") == null ? Optional.empty() : Optional.of(expiry(optionalObject(message, "expiry")));
        Object timeout = message.get("timeout") != null ? message.get("timeout") : message.get("timeouts");
        Optional<Escalation> escalation = escalation(timeout, ROOT + (message.get("timeout") != null ? ".timeout" : ".timeouts"));
        Map<String, Object> metadata = optionalObject(message, "metadata");
        if (metadata.get("event") != null && !(metadata.get("event") instanceof String)) {
            throw new InvalidValueException(ROOT + ".metadata.event must be a string");
        }
        Optional<String> topic = Optional.empty();
        Map<String, Object> preferences = optionalObject(message, "preferences");
        if (preferences.get("subscription_topic_id") != null) {
            if (!(preferences.get("subscription_topic_id") instanceof String id) || id.isBlank()) {
                throw new InvalidValueException(ROOT + ".preferences.subscription_topic_id must be a non-empty string");
            }
            topic = Optional.of(id);
        }
        return new MessageSpec(to, template, content, data, routing, channels, providers, delay, expiry, escalation,
                metadata, topic, JsonTrees.deepCopy(message));
    }

    /**
     * A send to one user of a template or of inline content, as Herald makes them itself (a template mapped to an
     * event, an automation's send step): built from typed values, with the public API's JSON derived from them.
     */
    public static MessageSpec toUser(UserId user, Optional<String> template, Optional<Content> content,
                                     Map<String, Object> data, Optional<RoutingNode.Group> routing) {
        if (template.isPresent() == content.isPresent()) {
            throw new IllegalArgumentException("a send has either a template or content");
        }
        Recipient recipient = Recipient.user(user);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("to", recipient.toJson());
        template.ifPresent(id -> raw.put("template", id));
        content.ifPresent(inline -> raw.put("content", inline.toJson()));
        raw.put("data", JsonTrees.deepCopy(data));
        routing.ifPresent(group -> raw.put("routing", group.toJson()));
        return new MessageSpec(List.of(recipient), template, content, JsonTrees.deepCopy(data), routing, Map.of(), Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), raw);
    }

    /** The spec of the message for one recipient of this send. */
    public MessageSpec forRecipient(Recipient recipient) {
        Map<String, Object> single = JsonTrees.deepCopy(raw);
        single.put("to", recipient.toJson());
        return new MessageSpec(List.of(recipient), template, content, data, routing, channels, providers, delay, expiry,
                escalation, metadata, topicId, single);
    }

    /** The single recipient of a per-recipient spec. */
    public Recipient recipient() {
        if (to.size() != 1) {
            throw new IllegalStateException("a send to " + to.size() + " recipients has no single recipient");
        }
        return to.get(0);
    }

    /** The providers {@code message.channels.<channel>.providers} restricts a channel to, if any. */
    public Optional<List<String>> providersFor(Channel channel) {
        if (channels.get(channel.wireName()) instanceof Map<?, ?> settings && settings.get("providers") instanceof List<?> list) {
            return Optional.of(list.stream().map(String.class::cast).toList());
        }
        return Optional.empty();
    }

    /** The provider-specific fields for a provider call: {@code message.providers.<name>.override}, then the channel's. */
    public Map<String, Object> overrideFor(Channel channel, String provider) {
        Map<String, Object> override = new LinkedHashMap<>();
        if (channels.get(channel.wireName()) instanceof Map<?, ?> settings && settings.get("override") instanceof Map<?, ?> channelOverride) {
            override.putAll(JsonTrees.asObject(channelOverride));
        }
        if (providers.get(provider) instanceof Map<?, ?> settings && settings.get("override") instanceof Map<?, ?> providerOverride) {
            override.putAll(JsonTrees.asObject(providerOverride));
        }
        return override;
    }

    public Optional<String> metadataEvent() {
        return Optional.ofNullable((String) metadata.get("event"));
    }

    private static List<Recipient> recipients(Object raw) {
        if (raw == null) {
            throw new InvalidValueException(ROOT + ".to is required");
        }
        if (raw instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new InvalidValueException(ROOT + ".to must not be an empty array");
            }
            List<Recipient> recipients = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                recipients.add(Recipient.parse(list.get(i), ROOT + ".to[" + i + "]"));
            }
            return recipients;
        }
        return List.of(Recipient.parse(raw, ROOT + ".to"));
    }

    /** Keys are normalised to channel names ({@code "EMAIL"} counts as {@code "email"}), as routing reads them. */
    private static Map<String, Object> channelSettings(Map<String, Object> channels) {
        Map<String, Object> normalised = new LinkedHashMap<>();
        channels.forEach((name, settings) -> {
            String where = ROOT + ".channels." + name;
            normalised.put(Channel.parse(name, ROOT + ".channels key").wireName(), settings);
            if (!(settings instanceof Map<?, ?> map)) {
                throw new InvalidValueException(where + " must be an object");
            }
            Object providers = map.get("providers");
            if (providers != null && (!(providers instanceof List<?> list) || list.stream().anyMatch(p -> !(p instanceof String)))) {
                throw new InvalidValueException(where + ".providers must be an array of provider names");
            }
            if (map.get("override") != null && !(map.get("override") instanceof Map)) {
                throw new InvalidValueException(where + ".override must be an object");
            }
        });
        return normalised;
    }

    private static Map<String, Object> providerSettings(Map<String, Object> providers) {
        providers.forEach((name, settings) -> {
            String where = ROOT + ".providers." + name;
            if (!(settings instanceof Map<?, ?> map)) {
                String hint = settings instanceof String provider && Channel.find(name).isPresent()
                        ? "; to send " + name + " through " + provider + ", use message.channels." + name + ".providers: [\"" + provider + "\"]"
                        : "";
                throw new InvalidValueException(where + " must be an object of that provider's settings ({\"override\": {…}})" + hint);
            }
            if (map.get("override") != null && !(map.get("override") instanceof Map)) {
                throw new InvalidValueException(where + ".override must be an object");
            }
        });
        return providers;
    }

    private static DelaySpec delay(Map<String, Object> delay) {
        String where = ROOT + ".delay";
        Optional<Duration> duration = delay.get("duration") == null ? Optional.empty()
                : Optional.of(Durations.parse(delay.get("duration"), where + ".duration"));
        Optional<Instant> until = delay.get("until") == null ? Optional.empty() : Optional.of(instant(delay.get("until"), where + ".until"));
        if (duration.isEmpty() && until.isEmpty()) {
            throw new InvalidValueException(where + " needs duration (milliseconds) or until (ISO-8601 date-time)");
        }
        return new DelaySpec(duration, until);
    }

    private static ExpirySpec expiry(Map<String, Object> expiry) {
        String where = ROOT + ".expiry";
        Optional<Duration> expiresIn = expiry.get("expires_in") == null ? Optional.empty()
                : Optional.of(Durations.parse(expiry.get("expires_in"), where + ".expires_in"));
        Optional<Instant> expiresAt = expiry.get("expires_at") == null ? Optional.empty()
                : Optional.of(instant(expiry.get("expires_at"), where + ".expires_at"));
        if (expiresIn.isEmpty() && expiresAt.isEmpty()) {
            throw new InvalidValueException(where + " needs expires_in or expires_at");
        }
        return new ExpirySpec(expiresIn, expiresAt);
    }

    private static Optional<Escalation> escalation(Object raw, String where) {
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidValueException(where + " must be an object");
        }
        Map<String, Object> timeout = JsonTrees.asObject(map);
        if ("no-escalation".equals(timeout.get("criteria")) || timeout.get("escalation") == null) {
            if (timeout.get("criteria") != null && !"no-escalation".equals(timeout.get("criteria"))) {
                Escalation.Criteria.parse(timeout.get("criteria"), where + ".criteria");
            }
            return Optional.empty();
        }
        Duration after = Durations.parse(timeout.get("escalation"), where + ".escalation");
        return Optional.of(new Escalation(after, Escalation.Criteria.parse(timeout.get("criteria"), where + ".criteria")));
    }

    private static Instant instant(Object raw, String where) {
        if (!(raw instanceof String text)) {
            throw new InvalidValueException(where + " must be an ISO-8601 date-time");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(where + " '" + text + "' is not an ISO-8601 date-time");
        }
    }

    private static Optional<String> optionalString(Map<String, Object> message, String field) {
        Object value = message.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidValueException(ROOT + "." + field + " must be a non-empty string");
        }
        return Optional.of(text);
    }

    private static Map<String, Object> optionalObject(Map<String, Object> message, String field) {
        Object value = message.get(field);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidValueException(ROOT + "." + field + " must be an object");
        }
        return JsonTrees.asObject(map);
    }
}
