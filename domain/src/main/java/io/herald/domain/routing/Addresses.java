package io.herald.domain.routing;

import io.herald.domain.profile.Profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a recipient can be reached: the email address and phone number of their profile (with the ones given in
 * the message's {@code to} laid over it), and their user id for push and the inbox. Push also needs a usable
 * device token; tokens are credentials kept apart, read only when push needs them.
 */
public record Addresses(Optional<String> email, Optional<String> phoneNumber, Optional<String> userId) {

    /** From a profile's attribute view; blank addresses count as none. */
    public static Addresses of(Map<String, Object> profile, Optional<String> userId) {
        return new Addresses(text(profile.get(Profile.EMAIL)), text(profile.get(Profile.PHONE_NUMBER)), userId);
    }

    public Reachability reachability(List<String> pushTokens) {
        return Reachability.of(email.isPresent(), phoneNumber.isPresent(), userId.isPresent() && !pushTokens.isEmpty(),
                userId.isPresent());
    }

    /** The address a channel's provider delivers to: push and the inbox address the user. */
    public Optional<String> on(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phoneNumber;
            case PUSH, INBOX -> userId;
        };
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }
}
