package io.herald.adapters.inbound.web.message;

import io.herald.domain.routing.Channel;

import java.util.Map;

/**
 * What one channel's recipient sees: an email as its subject and its HTML (framed, sandboxed, from its own URL), an
 * SMS as its text, a push or inbox item as a card.
 *
 * @param previewUrl where the framed HTML of a sent email is served from; null for other channels and for drafts
 * @param html       the HTML of a draft's email, framed inline (the editor's preview); null otherwise
 */
public record OutputView(String channel, String kind, String title, String body, String previewUrl, String html) {

    /** What a message's recipient saw: an email's HTML is framed from its own URL. */
    static OutputView of(String messageId, Channel channel, Map<String, Object> content) {
        String url = content.get("html") == null ? null : "/console/messages/" + messageId + "/preview/email";
        return of(channel, content, url, null);
    }

    /** What a draft renders to: an email's HTML is framed inline, from the editor's own page. */
    public static OutputView ofDraft(Channel channel, Map<String, Object> content) {
        return of(channel, content, null, content.get("html") == null ? null : content.get("html").toString());
    }

    private static OutputView of(Channel channel, Map<String, Object> content, String previewUrl, String html) {
        return switch (channel) {
            case EMAIL -> new OutputView(channel.wireName(), "email", text(content.get("subject")), text(content.get("text")), previewUrl, html);
            case SMS -> new OutputView(channel.wireName(), "sms", "", text(content.get("body")), null, null);
            case PUSH, INBOX -> new OutputView(channel.wireName(), "card", text(content.get("title")), text(content.get("body")), null, null);
        };
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
