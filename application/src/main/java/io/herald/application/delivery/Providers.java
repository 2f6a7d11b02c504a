package io.herald.application.delivery;

import io.herald.application.port.out.ChannelSender;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.RoutingNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The providers of each channel, in failover order ({@code herald.channels.<channel>.providers}), and the sender
 * behind each name. A configuration that names an unknown provider, or one that cannot deliver on the channel,
 * is refused at start-up rather than discovered on the first send.
 */
public final class Providers {

    private final Map<Channel, List<String>> byChannel;
    private final Map<String, ChannelSender> senders;
    private final Set<String> configuredNames;

    public Providers(Map<Channel, List<String>> configured, List<ChannelSender> available) {
        this.senders = available.stream().collect(Collectors.toMap(ChannelSender::name, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two providers are named '" + a.name() + "'");
        }));
        Map<Channel, List<String>> checked = new EnumMap<>(Channel.class);
        configured.forEach((channel, names) -> {
            for (String name : names) {
                ChannelSender sender = senders.get(name);
                if (sender == null) {
                    throw new IllegalStateException("herald.channels." + channel.wireName() + ".providers names '" + name
                            + "', which is not a provider; known providers: " + senders.keySet());
                }
                if (!sender.channels().contains(channel)) {
                    throw new IllegalStateException("herald.channels." + channel.wireName() + ".providers names '" + name
                            + "', which cannot deliver " + channel.wireName());
                }
            }
            checked.put(channel, List.copyOf(names));
        });
        this.byChannel = checked;
        this.configuredNames = checked.values().stream().flatMap(List::stream).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The providers to try for {@code channel}, in order: the configured ones, or, when the send names providers
     * for the channel ({@code channels.<channel>.providers}), those of them that are configured, in its order.
     */
    public List<String> providersFor(Channel channel, MessageSpec spec) {
        List<String> configured = byChannel.getOrDefault(channel, List.of());
        Optional<List<String>> requested = spec.providersFor(channel);
        if (requested.isEmpty()) {
            return configured;
        }
        List<String> chosen = new ArrayList<>();
        for (String name : requested.get()) {
            if (configured.contains(name)) {
                chosen.add(name);
            }
        }
        return chosen;
    }

    /**
     * The providers to try for a routing leaf: its channel's ({@link #providersFor(Channel, MessageSpec)}), or only the
     * provider it names ({@code "sendgrid"} in {@code routing.channels}) when that one is among them.
     */
    public List<String> providersFor(Channel channel, Optional<String> pinned, MessageSpec spec) {
        List<String> forChannel = providersFor(channel, spec);
        return pinned.map(provider -> forChannel.contains(provider) ? List.of(provider) : List.<String>of()).orElse(forChannel);
    }

    public boolean hasProvider(RoutingNode.Leaf leaf, MessageSpec spec) {
        return !providersFor(leaf.channel(), leaf.provider(), spec).isEmpty();
    }

    public Set<Channel> channelsWithProviders(MessageSpec spec) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (!providersFor(channel, spec).isEmpty()) {
                channels.add(channel);
            }
        }
        return channels;
    }

    /**
     * Why a send cannot reach any provider on these channels, naming the keys to look at: the providers it asks for
     * ({@code message.channels.<channel>.providers}) against those configured ({@code herald.channels.<channel>.providers}).
     */
    public String whyNoProvider(Set<Channel> channels, MessageSpec spec) {
        List<String> reasons = new ArrayList<>();
        for (Channel channel : channels) {
            List<String> configured = byChannel.getOrDefault(channel, List.of());
            String setting = "herald.channels." + channel.wireName() + ".providers";
            reasons.add(spec.providersFor(channel)
                    .map(asked -> channel.wireName() + ": the send asks for " + asked + " (message.channels." + channel.wireName()
                            + ".providers) but " + setting + " is " + configured)
                    .orElse(channel.wireName() + ": " + setting + " names no provider"));
        }
        return "no provider can deliver: " + String.join("; ", reasons);
    }

    /** The providers a send gives settings for ({@code message.providers.<name>}) that no channel is configured with. */
    public List<String> unconfigured(MessageSpec spec) {
        if (spec.providers().isEmpty()) {
            return List.of();
        }
        return spec.providers().keySet().stream().filter(name -> Channel.find(name).isEmpty() && !configuredNames.contains(name))
                .sorted().toList();
    }

    /** Each provider some channel is configured with, in the order first named, with the channels it serves. */
    public Map<String, Set<Channel>> configured() {
        Map<String, Set<Channel>> configured = new LinkedHashMap<>();
        byChannel.forEach((channel, names) -> names.forEach(name ->
                configured.computeIfAbsent(name, key -> EnumSet.noneOf(Channel.class)).add(channel)));
        return configured;
    }

    public ChannelSender sender(String name) {
        ChannelSender sender = senders.get(name);
        if (sender == null) {
            throw new IllegalStateException("no provider named " + name);
        }
        return sender;
    }
}
