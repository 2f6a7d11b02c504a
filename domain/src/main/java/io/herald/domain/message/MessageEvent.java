package io.herald.domain.message;

import io.herald.domain.delivery.FailoverPolicy;
import io.herald.domain.routing.Channel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to a message, as the message itself records it. History rows and Segment feedback are both
 * derived from these ({@link #toHistory()}, {@code EngagementEvents}), so neither has to read the other's strings.
 */
public sealed interface MessageEvent {

    Instant at();

    HistoryType type();

    /** The row this event adds to the message's history (the public {@code /messages/{id}/history}). */
    default HistoryEntry toHistory() {
        return new HistoryEntry(type(), at(), details());
    }

    /** The history row's particulars, in the public API's field names. */
    Map<String, Object> details();

    /** The channel the event happened on, when it happened on one. */
    default Optional<Channel> channel() {
        return Optional.empty();
    }

    /** The provider the event came from or went to, when there was one. */
    default Optional<String> provider() {
        return Optional.empty();
    }

    record Enqueued(Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.ENQUEUED;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of();
        }
    }

    /** An operator sent an undeliverable or unroutable message again; it starts over as if just enqueued. */
    record Redriven(MessageStatus was, Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.ENQUEUED;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("redrive", true, "was", was.name());
        }
    }

    record Delayed(Instant until, Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.DELAYED;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("until", until.toString());
        }
    }

    record ProfileLoaded(Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.PROFILE_LOADED;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of();
        }
    }

    record Mapped(String templateId, java.util.Optional<Integer> version, Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.MAPPED;
        }

        @Override
        public Map<String, Object> details() {
            return version.<Map<String, Object>>map(number -> Map.of("template", templateId, "version", "v" + number))
                    .orElseGet(() -> Map.of("template", templateId));
        }
    }

    /** Past its throttle: {@code key} had {@code max} messages in the period already. */
    record Throttled(String key, int max, String period, Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.THROTTLED;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("key", key, "max", max, "period", period);
        }
    }

    record Unmapped(String error, Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.UNMAPPED;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("error", error);
        }
    }

    record Routed(Object routing, Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.ROUTED;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("routing", routing);
        }
    }

    record Unroutable(MessageReason reason, String error, Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.UNROUTABLE;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("reason", reason.name(), "error", error);
        }
    }

    record Rendered(Channel on, Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.RENDERED;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("channel", on.wireName());
        }

        @Override
        public Optional<Channel> channel() {
            return Optional.of(on);
        }
    }

    /** A provider accepted the message on a channel. */
    record Sent(Channel on, String by, String providerMessageId, Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.SENT;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = channelAndProvider(on, by);
            if (providerMessageId != null) {
                details.put("provider_message_id", providerMessageId);
            }
            return details;
        }

        @Override
        public Optional<Channel> channel() {
            return Optional.of(on);
        }

        @Override
        public Optional<String> provider() {
            return Optional.of(by);
        }
    }

    /** One provider call failed; {@code next} is what Herald does about it. */
    record ProviderFailed(Channel on, String by, String error, Integer statusCode, boolean isTransient,
                          FailoverPolicy.Move next, Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.PROVIDER_ERROR;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = channelAndProvider(on, by);
            details.put("error", error);
            if (statusCode != null) {
                details.put("status_code", statusCode);
            }
            details.put("transient", isTransient);
            details.put("next", next.label());
            return details;
        }

        @Override
        public Optional<Channel> channel() {
            return Optional.of(on);
        }

        @Override
        public Optional<String> provider() {
            return Optional.of(by);
        }
    }

    /** A sent channel did not reach {@code criteria} in time; the routing moves on to {@code nextChannel}, if any. */
    record Escalated(Channel from, Escalation.Criteria criteria, Optional<Channel> nextChannel, Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.ESCALATED;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("channel", from.wireName());
            details.put("criteria", criteria.wireName());
            nextChannel.ifPresent(next -> details.put("next_channel", next.wireName()));
            return details;
        }

        @Override
        public Optional<Channel> channel() {
            return Optional.of(from);
        }
    }

    record Canceled(Instant at) implements MessageEvent {
        @Override
        public HistoryType type() {
            return HistoryType.CANCELED;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of();
        }
    }

    /** A delivery receipt, open or click: {@code reached} is DELIVERED, OPENED or CLICKED. */
    record Engaged(MessageStatus reached, Channel on, String by, Instant at) implements MessageEvent {
        public Engaged {
            if (reached != MessageStatus.DELIVERED && reached != MessageStatus.OPENED && reached != MessageStatus.CLICKED) {
                throw new IllegalArgumentException("not an engagement: " + reached);
            }
        }

        @Override
        public HistoryType type() {
            return HistoryType.valueOf(reached.name());
        }

        @Override
        public Map<String, Object> details() {
            return channelAndProvider(on, by);
        }

        @Override
        public Optional<Channel> channel() {
            return Optional.ofNullable(on);
        }

        @Override
        public Optional<String> provider() {
            return Optional.ofNullable(by);
        }
    }

    /** Herald gave the message up, or a provider bounced it after accepting it. */
    record Undeliverable(MessageReason reason, String error, Channel on, String by, Instant at) implements MessageEvent {
        public Undeliverable {
            Objects.requireNonNull(reason);
        }

        @Override
        public HistoryType type() {
            return HistoryType.UNDELIVERABLE;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = channelAndProvider(on, by);
            details.put("reason", reason.name());
            if (error != null) {
                details.put("error", error);
            }
            return details;
        }

        @Override
        public Optional<Channel> channel() {
            return Optional.ofNullable(on);
        }

        @Override
        public Optional<String> provider() {
            return Optional.ofNullable(by);
        }
    }

    private static Map<String, Object> channelAndProvider(Channel channel, String provider) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (channel != null) {
            details.put("channel", channel.wireName());
        }
        if (provider != null) {
            details.put("provider", provider);
        }
        return details;
    }
}
