package io.herald.bootstrap.wiring;

import io.herald.domain.routing.Channel;
import io.micronaut.core.value.PropertyResolver;

import java.util.Arrays;
import java.util.List;

/**
 * {@code herald.channels.<channel>.providers}, read the same way by the start-up check and by the wiring: the
 * names in failover order, or the default (the inbox provider for the inbox, the console for the rest).
 */
public final class ChannelProviders {

    private ChannelProviders() {
    }

    public static String key(Channel channel) {
        return "herald.channels." + channel.wireName() + ".providers";
    }

    public static List<String> defaults(Channel channel) {
        return List.of(channel == Channel.INBOX ? "inbox" : "console");
    }

    public static List<String> of(PropertyResolver properties, Channel channel) {
        return properties.getProperty(key(channel), String.class)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList())
                .orElse(defaults(channel));
    }
}
