package io.herald.domain.preference;

import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.RoutingPreference;
import io.herald.domain.shared.InvalidValueException;

import java.util.List;
import java.util.Objects;

/**
 * A user's preference for one subscription topic: opted in or out (or required), and optionally the only
 * channels they want it on ({@code custom_routing}, in effect when {@code hasCustomRouting}).
 */
public record TopicPreference(UserId userId, String topicId, PreferenceStatus status, boolean hasCustomRouting,
                              List<Channel> customRouting) implements RoutingPreference {

    public TopicPreference {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(status);
        if (topicId == null || topicId.isBlank()) {
            throw new InvalidValueException("topic id must not be blank");
        }
        customRouting = List.copyOf(customRouting == null ? List.of() : customRouting);
    }

    /** Topics nobody chose for are opted in. */
    public static TopicPreference defaultFor(UserId userId, String topicId) {
        return new TopicPreference(userId, topicId, PreferenceStatus.OPTED_IN, false, List.of());
    }

    /**
     * The preference after the user's change. A REQUIRED topic stays REQUIRED: leaving it by way of OPTED_IN would
     * open the way to OPTED_OUT, so any other status is refused; its custom routing may still change.
     */
    public TopicPreference changedTo(PreferenceStatus newStatus, boolean newHasCustomRouting, List<Channel> newCustomRouting) {
        if (status == PreferenceStatus.REQUIRED && newStatus != PreferenceStatus.REQUIRED) {
            throw new InvalidValueException("topic '" + topicId + "' is REQUIRED for this user and stays REQUIRED: it cannot be "
                    + (newStatus == PreferenceStatus.OPTED_OUT ? "opted out of" : "set to " + newStatus) + "; only its custom routing can change");
        }
        return new TopicPreference(userId, topicId, newStatus, newHasCustomRouting, newCustomRouting);
    }

    /** A preference may be reset to the topic's default unless it is REQUIRED: a reset would be a way out of it too. */
    public void checkCanBeReset() {
        if (status == PreferenceStatus.REQUIRED) {
            throw new InvalidValueException("topic '" + topicId + "' is REQUIRED for this user and stays REQUIRED: it cannot be reset");
        }
    }

    @Override
    public boolean optedOut() {
        return status == PreferenceStatus.OPTED_OUT;
    }
}
