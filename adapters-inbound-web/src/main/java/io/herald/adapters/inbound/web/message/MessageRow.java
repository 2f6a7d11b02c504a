package io.herald.adapters.inbound.web.message;

import io.herald.adapters.inbound.web.page.Times;
import io.herald.domain.message.Message;
import io.herald.domain.routing.Channel;

import java.time.Instant;

/** One line of the message log. {@code userId} is null for a message sent to an address rather than a user. */
public record MessageRow(String id, String status, String recipient, String userId, String template, String channel,
                         String provider, String enqueued, String enqueuedAgo) {

    public static MessageRow of(Message message, Instant now) {
        return new MessageRow(message.id().value(), message.status().name(), message.recipient().displayName(),
                message.recipient().userId().map(Object::toString).orElse(null), message.templateId().orElse(""),
                message.channel().map(Channel::wireName).orElse(""), message.provider().orElse(""),
                Times.shown(message.enqueuedAt()), Times.ago(message.enqueuedAt(), now));
    }
}
