package io.herald.domain.routing;

import io.herald.domain.shared.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The channels Herald delivers on. */
public enum Channel {
    EMAIL, SMS, PUSH, INBOX;

    public static Channel parse(Object raw, String where) {
        if (!(raw instanceof String text)) {
            throw new InvalidValueException(where + " must be a channel name (email, sms, push or inbox)");
        }
        return find(text).orElseThrow(() -> new InvalidValueException(
                where + " '" + text + "' is not a channel Herald delivers on (email, sms, push, inbox)"));
    }

    public static Optional<Channel> find(String text) {
        return Arrays.stream(values()).filter(channel -> channel.wireName().equals(text.toLowerCase(Locale.ROOT))).findFirst();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
