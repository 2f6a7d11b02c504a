package io.herald.domain.routing;

import java.util.EnumSet;
import java.util.Set;

/**
 * The channels a recipient can be reached on: an email address for email, a phone number for SMS, a usable
 * push token for push, and a user id for the in-app inbox.
 */
public record Reachability(Set<Channel> channels) {

    public Reachability {
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
    }

    public static Reachability of(boolean email, boolean phone, boolean pushToken, boolean userId) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (email) {
            channels.add(Channel.EMAIL);
        }
        if (phone) {
            channels.add(Channel.SMS);
        }
        if (pushToken) {
            channels.add(Channel.PUSH);
        }
        if (userId) {
            channels.add(Channel.INBOX);
        }
        return new Reachability(channels);
    }

    public boolean reaches(Channel channel) {
        return channels.contains(channel);
    }
}
