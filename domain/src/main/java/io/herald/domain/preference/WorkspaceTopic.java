package io.herald.domain.preference;

import io.herald.domain.json.JsonFields;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A subscription topic of the workspace (Courier's workspace preference topics): what every user starts with for it
 * ({@code defaultStatus}; REQUIRED holds for everyone, whatever they chose), the channels it goes out on when a user
 * has not chosen theirs ({@code routingOptions}, empty for "as the send routes it"), what a user may change on the
 * preference page, and whether its emails carry one-click unsubscribe headers. Its id is what sends and templates name
 * as their topic and what user preferences are kept under.
 */
public record WorkspaceTopic(String id, String sectionId, String name, Optional<String> description, PreferenceStatus defaultStatus,
                             List<String> allowedPreferences, boolean includeUnsubscribeHeader, List<Channel> routingOptions,
                             Map<String, Object> topicData, Instant created, Instant updated, String creator, String updater) {

    public static final Set<String> ALLOWED_PREFERENCES = Set.of("snooze", "channel_preferences");

    public WorkspaceTopic {
        Objects.requireNonNull(id);
        Objects.requireNonNull(sectionId);
        Objects.requireNonNull(defaultStatus);
        allowedPreferences = List.copyOf(allowedPreferences);
        routingOptions = List.copyOf(routingOptions);
        topicData = JsonTrees.deepCopy(topicData == null ? Map.of() : topicData);
    }

    /** What a write names: everything but the ids and the times. */
    public record Fields(String name, Optional<String> description, PreferenceStatus defaultStatus, List<String> allowedPreferences,
                         boolean includeUnsubscribeHeader, List<Channel> routingOptions, Map<String, Object> topicData) {
    }

    /**
     * Reads Courier's topic body. {@code include_unsubscribe_header} defaults to true unless the topic is REQUIRED, and
     * is refused on a REQUIRED topic: there is nothing to unsubscribe from.
     */
    public static Fields parse(JsonFields body) {
        String name = body.requiredText("name");
        PreferenceStatus status = PreferenceStatus.parse(body.get("default_status"), body.where("default_status"));
        List<String> allowed = body.optionalStrings("allowed_preferences").orElse(List.of());
        for (int i = 0; i < allowed.size(); i++) {
            if (!ALLOWED_PREFERENCES.contains(allowed.get(i))) {
                throw new InvalidValueException(body.where("allowed_preferences", i) + " must be snooze or channel_preferences");
            }
        }
        boolean unsubscribeHeader = body.optionalBoolean("include_unsubscribe_header").orElse(status != PreferenceStatus.REQUIRED);
        if (unsubscribeHeader && status == PreferenceStatus.REQUIRED) {
            throw new InvalidValueException(body.where("include_unsubscribe_header") + " cannot be true on a REQUIRED topic: nobody can leave it");
        }
        Map<String, Object> data = body.optionalMap("topic_data").orElse(Map.of());
        return new Fields(name, body.optionalText("description"), status, List.copyOf(new java.util.LinkedHashSet<>(allowed)),
                unsubscribeHeader, channels(body, "routing_options"), data);
    }

    /** Courier's {@code routing_options}: channel names, each once. */
    public static List<Channel> channels(JsonFields body, String field) {
        List<String> names = body.optionalStrings(field).orElse(List.of());
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Channel channel = Channel.parse(names.get(i), body.where(field, i));
            if (!channels.contains(channel)) {
                channels.add(channel);
            }
        }
        return List.copyOf(channels);
    }

    public WorkspaceTopic with(Fields fields, Instant at, String actor) {
        return new WorkspaceTopic(id, sectionId, fields.name(), fields.description(), fields.defaultStatus(), fields.allowedPreferences(),
                fields.includeUnsubscribeHeader(), fields.routingOptions(), fields.topicData(), created, at, creator, actor);
    }

    public boolean required() {
        return defaultStatus == PreferenceStatus.REQUIRED;
    }

    /** Whether a user may choose the channels of this topic on the preference page. */
    public boolean channelsChoosable() {
        return allowedPreferences.contains("channel_preferences");
    }
}
