package io.herald.adapters.inbound.web.message;

import io.herald.domain.routing.Channel;

import java.util.Map;

/**
 * What one channel's recipient sees: an email as its subject and its HTML (framed, sandboxed, from its own URL), an
 * SMS as its text, a push or inbox item as a card.
 *
 * @param previewUrl the framed HTML of an email, null for other channels
 */
public record OutputView(String channel, String kind, String title, String body, String previewUrl) {

    static OutputView of(String messageId, Channel channel, Map<String, Object> content) {
        return switch (channel) {
            case EMAIL -> new OutputView(channel.wireName(), "email", text(content.get("subject")), text(content.get("text")),
                    content.get("html") == null ? null : "/console/messages/" + messageId + "/preview/email");
            case SMS -> new OutputView(channel.wireName(), "sms", "", text(content.get("body")), null);
            case PUSH, INBOX -> new OutputView(channel.wireName(), "card", text(content.get("title")), text(content.get("body")), null);
        };
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
