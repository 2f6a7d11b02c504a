package io.herald.domain.preference;

import io.herald.domain.json.JsonFields;
import io.herald.domain.routing.Channel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A section of the preference page (Courier's workspace preference): a named group of topics, shown together, with the
 * channels its topics may be chosen on.
 */
public record PreferenceSection(String id, String name, Optional<String> description, boolean hasCustomRouting, List<Channel> routingOptions,
                                Instant created, Instant updated, String creator, String updater) {

    public PreferenceSection {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        routingOptions = List.copyOf(routingOptions);
    }

    public record Fields(String name, Optional<String> description, boolean hasCustomRouting, List<Channel> routingOptions) {
    }

    public static Fields parse(JsonFields body) {
        return new Fields(body.requiredText("name"), body.optionalText("description"),
                body.optionalBoolean("has_custom_routing").orElse(false), WorkspaceTopic.channels(body, "routing_options"));
    }

    public PreferenceSection with(Fields fields, Instant at, String actor) {
        return new PreferenceSection(id, fields.name(), fields.description(), fields.hasCustomRouting(), fields.routingOptions(), created,
                at, creator, actor);
    }
}
