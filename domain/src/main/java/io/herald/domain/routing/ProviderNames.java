package io.herald.domain.routing;

import io.herald.domain.shared.InvalidValueException;

import java.util.Map;
import java.util.Optional;

/**
 * The providers a routing may name in place of a channel, as Courier lets {@code routing.channels} hold
 * {@code "sendgrid"} as well as {@code "email"}: Herald's providers that serve one channel, and Courier's keys for the
 * same providers ({@code firebase-fcm} is Herald's {@code fcm}). {@code console} serves three channels, so it cannot
 * stand for one; other Courier providers are not in Herald, and both are refused with what to write instead.
 */
public final class ProviderNames {

    /** A provider a routing leaf names: Herald's name for it and the channel it serves. */
    public record Named(String provider, Channel channel) {
    }

    private static final Map<String, Named> BY_NAME = Map.of(
            "sendgrid", new Named("sendgrid", Channel.EMAIL),
            "twilio", new Named("twilio", Channel.SMS),
            "fcm", new Named("fcm", Channel.PUSH),
            "firebase-fcm", new Named("fcm", Channel.PUSH),
            "inbox", new Named("inbox", Channel.INBOX));

    private ProviderNames() {
    }

    /** The provider a routing leaf names, refusing a name that is neither a channel nor one of these providers. */
    public static Named parse(Object raw, String where) {
        if (!(raw instanceof String name)) {
            throw new InvalidValueException(where + " must be a channel (email, sms, push, inbox) or a provider (sendgrid, twilio, fcm)");
        }
        Named named = BY_NAME.get(name.toLowerCase(java.util.Locale.ROOT));
        if (named != null) {
            return named;
        }
        if (name.equalsIgnoreCase("console")) {
            throw new InvalidValueException(where + ": 'console' serves email, sms and push, so it cannot stand for a channel; "
                    + "name the channel and restrict it with message.channels.<channel>.providers: [\"console\"]");
        }
        throw new InvalidValueException(where + " '" + name + "' is neither a channel (email, sms, push, inbox) nor a provider Herald has "
                + "(sendgrid, twilio, fcm, inbox)");
    }

    public static Optional<Named> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
