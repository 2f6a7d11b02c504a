package io.herald.application.port.out;

import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.MessageId;
import io.herald.domain.routing.Channel;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A provider: it delivers rendered content on one or more channels and says what became of the attempt.
 * It never throws for a delivery problem; it returns the problem as a {@link DeliveryResult}.
 */
public interface ChannelSender {

    /**
     * The name under which a remote provider carries Herald's message id and hands it back in its callbacks (a
     * SendGrid custom arg, the Twilio status callback's query, an FCM data key): the senders write it, the webhooks
     * read it.
     */
    String MESSAGE_ID_TAG = "herald_message_id";

    /** The name operators configure it by ({@code herald.channels.<channel>.providers}): console, sendgrid, twilio… */
    String name();

    Set<Channel> channels();

    /**
     * A local sender does no network I/O and may write to Herald's database: it runs inside the pipeline's
     * transaction, which makes its delivery exactly-once. A remote one is called between transactions.
     */
    boolean local();

    DeliveryResult send(Delivery delivery);

    /**
     * What it was configured with, for operators to read (the console's providers page), in the order to show:
     * never a credential's value, only whether it is set.
     */
    default Map<String, String> settings() {
        return Map.of();
    }

    /**
     * @param address  the email address, phone number, or user id (inbox) it goes to
     * @param pushTokens the recipient's usable push tokens (push only)
     * @param content  the rendered fields of the channel (email: subject, html, text; sms: body; …)
     * @param override provider-specific fields from the send request ({@code providers.<name>.override})
     */
    record Delivery(MessageId messageId, Channel channel, String address, List<String> pushTokens,
                    Map<String, Object> content, Map<String, Object> override, Map<String, Object> metadata) {
    }
}
