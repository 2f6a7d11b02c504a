package io.herald.adapters.outbound.providers.console;

import io.herald.application.port.out.ChannelSender;
import io.herald.application.support.LogSafe;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.routing.Channel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The default provider of email, SMS and push: it sends nothing. The rendered content is kept with the message
 * ({@code GET /messages/{id}/output}); one INFO line says what would have gone where, with the address masked
 * and without the content, which may be personal (the content is logged at DEBUG).
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
    public Map<String, String> settings() {
        return Map.of("delivers", "nothing: it writes a line per message to Herald's log (content only at DEBUG); "
                + "mark its messages delivered, opened or clicked on their page");
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
        LOG.info("console: {} {} to {} (template {}; not sent)", delivery.channel().wireName(), delivery.messageId(), mask(delivery),
                delivery.metadata().getOrDefault("template", "none"));
        if (LOG.isDebugEnabled()) {
            LOG.debug("console: {} content: {}", delivery.messageId(), delivery.content());
        }
        return new DeliveryResult.Sent(NAME + "-" + delivery.messageId().value());
    }

    private static String mask(Delivery delivery) {
        if (delivery.channel() == Channel.PUSH) {
            return delivery.pushTokens().size() + " device(s)";
        }
        return LogSafe.mask(delivery.address());
    }
}
