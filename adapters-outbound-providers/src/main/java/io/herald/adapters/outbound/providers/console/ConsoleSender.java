package io.herald.adapters.outbound.providers.console;

import io.herald.application.port.out.ChannelSender;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.routing.Channel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Set;

/**
 * The default provider of every channel: it sends nothing. The rendered content is kept with the message
 * ({@code GET /messages/{id}/output}); the log says what would have gone where, with the address masked
 * and without the content, which may be personal.
 */
@Singleton
class ConsoleSender implements ChannelSender {

    static final String NAME = "console";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSender.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Channel> channels() {
        return EnumSet.allOf(Channel.class);
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("console: {} for {} to {} (not sent)", delivery.channel().wireName(), delivery.messageId(), mask(delivery));
        }
        return new DeliveryResult.Sent(NAME + "-" + delivery.messageId().value());
    }

    private static String mask(Delivery delivery) {
        if (delivery.channel() == Channel.PUSH) {
            return delivery.pushTokens().size() + " device(s)";
        }
        String address = delivery.address();
        if (address == null || address.length() < 4) {
            return "***";
        }
        return address.substring(0, 2) + "***" + address.substring(address.length() - 2);
    }
}
