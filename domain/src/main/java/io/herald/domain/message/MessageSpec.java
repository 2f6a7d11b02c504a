package io.herald.domain.message;

import io.herald.domain.json.JsonFields;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.RoutingNode;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Content;
import io.herald.domain.throttle.Throttle;
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
    private static final int MAX_TAGS = 50;

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

    public static MessageSpec parse(Map<String, Object> raw) {
        if (raw == null) {
            throw new InvalidValueException(ROOT + " is required and must be an object");
        }
        JsonFields message = JsonFields.of(raw, ROOT);
        List<Recipient> to = recipients(message);
        Optional<String> template = message.optionalText("template");
        Optional<Content> content = message.has("content")
                ? Optional.of(Content.parse(message.get("content"), message.where("content"))) : Optional.empty();
        if (template.isPresent() == content.isPresent()) {
            throw new InvalidValueException(template.isPresent()
                    ? ROOT + ": send either template or content, not both"
                    : message.where("template") + " or " + message.where("content") + " is required");
        }
        Map<String, Object> data = message.optionalMap("data").orElse(Map.of());
        Optional<RoutingNode.Group> routing = message.has("routing")
                ? Optional.of(RoutingNode.parse(message.get("routing"), message.where("routing"))) : Optional.empty();
        Map<String, Object> channels = message.optionalObject("channels").map(MessageSpec::channelSettings).orElse(Map.of());
        Map<String, Object> providers = message.optionalObject("providers").map(MessageSpec::providerSettings).orElse(Map.of());
        Optional<DelaySpec> delay = message.optionalObject("delay").map(MessageSpec::delay);
        Optional<ExpirySpec> expiry = message.optionalObject("expiry").map(MessageSpec::expiry);
        Optional<Escalation> escalation = message.optionalObject(message.has("timeout") ? "timeout" : "timeouts")
                .flatMap(MessageSpec::escalation);
        Map<String, Object> metadata = message.optionalObject("metadata").map(MessageSpec::metadata).orElse(Map.of());
        Optional<String> topic = message.optionalObject("preferences").flatMap(preferences -> preferences.optionalText("subscription_topic_id"));
        if (message.has("throttle")) {
            Throttle.parse(message.get("throttle"), message.where("throttle"));
        }
        if (message.has("brand_id")) {
            message.requiredText("brand_id");
        }
        message.optionalObject("context").ifPresent(context -> {
            if (context.has("tenant_id")) {
                context.requiredText("tenant_id");
            }
        });
        return new MessageSpec(to, template, content, data, routing, channels, providers, delay, expiry, escalation,
                metadata, topic, JsonTrees.deepCopy(raw));
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

    /**
     * Courier's {@code context.tenant_id}: the tenant the send is made in the context of. Its default preferences and the
     * recipient's choices within it apply, and its user profile and the membership's profile are laid under and over the
     * recipient's profile.
     */
    public Optional<String> tenantId() {
        return raw.get("context") instanceof Map<?, ?> context && context.get("tenant_id") instanceof String tenant && !tenant.isBlank()
                ? Optional.of(tenant) : Optional.empty();
    }

    /** This send with {@code throttle} (an automation send step's). */
    public MessageSpec withThrottle(Throttle throttle) {
        Map<String, Object> limited = JsonTrees.deepCopy(raw);
        limited.put("throttle", throttle.toJson());
        return parse(limited);
    }

    /** Herald's {@code throttle} on a send (an automation send step's): over the template's, when both have one. */
    public Optional<Throttle> throttle() {
        return raw.get("throttle") == null ? Optional.empty() : Optional.of(Throttle.parse(raw.get("throttle"), ROOT + ".throttle"));
    }

    /** Courier's {@code brand_id}: the brand emails of this send are laid out in, over the tenant's and the template's. */
    public Optional<String> brandId() {
        return raw.get("brand_id") instanceof String brand && !brand.isBlank() ? Optional.of(brand) : Optional.empty();
    }

    /** This send in the brand {@code brandId} (an automation send step's {@code brand}). */
    public MessageSpec inBrand(String brandId) {
        Map<String, Object> branded = JsonTrees.deepCopy(raw);
        branded.put("brand_id", brandId);
        return parse(branded);
    }

    /** The spec of the message for one recipient of this send. */
    public MessageSpec forRecipient(Recipient recipient) {
        Map<String, Object> single = JsonTrees.deepCopy(raw);
        single.put("to", recipient.toJson());
        return new MessageSpec(List.of(recipient), template, content, data, routing, channels, providers, delay, expiry,
                escalation, metadata, topicId, single);
    }

    /** A resend of this message: the same recipient, content, data and routing, due now (without its delay and expiry). */
    public MessageSpec resent() {
        Map<String, Object> again = JsonTrees.deepCopy(raw);
        again.remove("delay");
        again.remove("expiry");
        return parse(again);
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

    private static List<Recipient> recipients(JsonFields message) {
        Object to = message.get("to");
        if (to == null) {
            throw new InvalidValueException(message.where("to") + " is required");
        }
        if (to instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new InvalidValueException(message.where("to") + " must not be an empty array");
            }
            List<Recipient> recipients = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                recipients.add(Recipient.parse(list.get(i), message.where("to", i)));
            }
            return recipients;
        }
        return List.of(Recipient.parse(to, message.where("to")));
    }

    /** Keys are normalised to channel names ({@code "EMAIL"} counts as {@code "email"}), as routing reads them. */
    private static Map<String, Object> channelSettings(JsonFields channels) {
        Map<String, Object> normalised = new LinkedHashMap<>();
        channels.raw().forEach((name, value) -> {
            normalised.put(Channel.parse(name, ROOT + ".channels key").wireName(), value);
            JsonFields settings = JsonFields.of(value, channels.where(name));
            Object providers = settings.get("providers");
            if (providers != null && (!(providers instanceof List<?> list) || list.stream().anyMatch(p -> !(p instanceof String)))) {
                throw new InvalidValueException(settings.where("providers") + " must be an array of provider names");
            }
            settings.optionalMap("override"); // refused here if it is not an object; overrideFor reads it
        });
        return normalised;
    }

    private static Map<String, Object> providerSettings(JsonFields providers) {
        providers.raw().forEach((name, value) -> {
            String hint = value instanceof String provider && Channel.find(name).isPresent()
                    ? "; to send " + name + " through " + provider + ", use message.channels." + name + ".providers: [\"" + provider + "\"]"
                    : "";
            JsonFields settings = JsonFields.of(value, providers.where(name), "an object of that provider's settings ({\"override\": {…}})" + hint);
            settings.optionalMap("override"); // refused here if it is not an object; overrideFor reads it
        });
        return providers.raw();
    }

    private static DelaySpec delay(JsonFields delay) {
        Optional<Duration> duration = delay.has("duration")
                ? Optional.of(Durations.parse(delay.get("duration"), delay.where("duration"))) : Optional.empty();
        Optional<Instant> until = delay.has("until") ? Optional.of(instant(delay.get("until"), delay.where("until"))) : Optional.empty();
        if (duration.isEmpty() && until.isEmpty()) {
            throw new InvalidValueException(ROOT + ".delay needs duration (milliseconds) or until (ISO-8601 date-time)");
        }
        return new DelaySpec(duration, until);
    }

    private static ExpirySpec expiry(JsonFields expiry) {
        Optional<Duration> expiresIn = expiry.has("expires_in")
                ? Optional.of(Durations.parse(expiry.get("expires_in"), expiry.where("expires_in"))) : Optional.empty();
        Optional<Instant> expiresAt = expiry.has("expires_at")
                ? Optional.of(instant(expiry.get("expires_at"), expiry.where("expires_at"))) : Optional.empty();
        if (expiresIn.isEmpty() && expiresAt.isEmpty()) {
            throw new InvalidValueException(ROOT + ".expiry needs expires_in or expires_at");
        }
        return new ExpirySpec(expiresIn, expiresAt);
    }

    private static Optional<Escalation> escalation(JsonFields timeout) {
        Object criteria = timeout.get("criteria");
        if ("no-escalation".equals(criteria) || !timeout.has("escalation")) {
            if (criteria != null && !"no-escalation".equals(criteria)) {
                Escalation.Criteria.parse(criteria, timeout.where("criteria"));
            }
            return Optional.empty();
        }
        Duration after = Durations.parse(timeout.get("escalation"), timeout.where("escalation"));
        return Optional.of(new Escalation(after, Escalation.Criteria.parse(criteria, timeout.where("criteria"))));
    }

    /**
     * Refuses what Courier's {@code metadata} types would: {@code event} and {@code trace_id} not strings, {@code tags}
     * not an array of strings (at most {@value #MAX_TAGS}), {@code utm} not an object of strings.
     */
    private static Map<String, Object> metadata(JsonFields metadata) {
        metadata.optionalString("event");
        metadata.optionalString("trace_id");
        metadata.optionalStrings("tags").ifPresent(tags -> {
            if (tags.size() > MAX_TAGS) {
                throw new InvalidValueException(metadata.where("tags") + " has " + tags.size() + " tags; at most " + MAX_TAGS);
            }
        });
        metadata.optionalObject("utm").ifPresent(utm -> utm.raw().keySet().forEach(utm::optionalString));
        return metadata.raw();
    }

    /** Courier's {@code metadata.tags}: labels to find the message by ({@code GET /messages?tag=}). */
    public List<String> tags() {
        return metadata.get("tags") instanceof List<?> tags ? tags.stream().map(String.class::cast).toList() : List.of();
    }

    /** Courier's {@code metadata.trace_id}: the caller's id for the request, to find its messages by. */
    public Optional<String> traceId() {
        return Optional.ofNullable((String) metadata.get("trace_id"));
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
}
