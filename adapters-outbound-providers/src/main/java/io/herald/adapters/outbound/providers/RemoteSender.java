package io.herald.adapters.outbound.providers;

import io.herald.application.port.out.ChannelSender;
import io.herald.application.support.LogSafe;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.routing.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A provider reached over the network, for one channel. It is called between the pipeline's transactions, so it
 * must keep {@link ChannelSender}'s promise never to throw: anything unforeseen becomes a transient failure, which
 * the pipeline retries with backoff. Attempts that fail are logged at DEBUG with the message id, never the content.
 */
public abstract class RemoteSender implements ChannelSender {

    private final String name;
    private final Channel channel;
    private final Logger log = LoggerFactory.getLogger(getClass());

    protected RemoteSender(String name, Channel channel) {
        this.name = name;
        this.channel = channel;
    }

    /** Settings to show, as name-value pairs in order (see {@link ChannelSender#settings}). */
    protected static Map<String, String> shown(String... namesAndValues) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            shown.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(shown);
    }

    /** One try at handing the delivery to the provider; expected failures are returned, not thrown. */
    protected abstract DeliveryResult attempt(Delivery delivery);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<Channel> channels() {
        return EnumSet.of(channel);
    }

    @Override
    public final boolean local() {
        return false;
    }

    @Override
    public final DeliveryResult send(Delivery delivery) {
        DeliveryResult result;
        try {
            result = attempt(delivery);
        } catch (RuntimeException e) {
            log.warn("{}: unexpected failure for {}: {}", name, delivery.messageId(), LogSafe.describe(e));
            log.debug("{}: unexpected failure, in full", name, e);
            result = new DeliveryResult.TransientFailure(name + ": " + ProviderFailures.describe(e));
        }
        if (!(result instanceof DeliveryResult.Sent) && log.isDebugEnabled()) {
            log.debug("{}: {} for {} not sent: {}", name, channel.wireName(), delivery.messageId(), result);
        }
        return result;
    }
}
