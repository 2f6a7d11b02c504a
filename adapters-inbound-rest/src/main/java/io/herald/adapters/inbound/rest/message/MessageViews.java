package io.herald.adapters.inbound.rest.message;

import io.herald.application.port.in.QueryMessagesUseCase;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Courier's MessageDetails, history and output shapes; times are epoch milliseconds. */
final class MessageViews {

    private MessageViews() {
    }

    static Map<String, Object> details(Message message) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", message.id().value());
        view.put("requestId", message.requestId());
        view.put("status", message.status().name());
        message.reason().ifPresent(reason -> view.put("reason", reason.name()));
        view.put("recipient", message.recipient().displayName());
        view.put("notification", message.templateId().orElse(""));
        view.put("event", message.event().orElse(""));
        message.channel().ifPresent(channel -> view.put("channel", channel.wireName()));
        message.provider().ifPresent(provider -> view.put("provider", provider));
        view.put("enqueued", message.enqueuedAt().toEpochMilli());
        putTime(view, "sent", message, MessageStatus.SENT);
        putTime(view, "delivered", message, MessageStatus.DELIVERED);
        putTime(view, "opened", message, MessageStatus.OPENED);
        putTime(view, "clicked", message, MessageStatus.CLICKED);
        putTime(view, "canceled", message, MessageStatus.CANCELED);
        message.error().ifPresent(error -> view.put("error", error));
        message.automationRunId().ifPresent(run -> view.put("automationRunId", run));
        return view;
    }

    static Map<String, Object> leg(QueryMessagesUseCase.Leg leg) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("channel", leg.channel().wireName());
        view.put("provider", leg.provider());
        view.put("attempts", leg.attempts());
        view.put("outcome", leg.outcome());
        view.put("last_attempt", leg.lastAttemptAt().toEpochMilli());
        return view;
    }

    static Map<String, Object> history(HistoryEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", entry.type().name());
        view.put("ts", entry.at().toEpochMilli());
        view.putAll(entry.details());
        return view;
    }

    /**
     * Courier's {@code MessageContentResponse} result: the content carries every field its type requires ({@code subject},
     * {@code html}, {@code text}, {@code title}, {@code body}, {@code blocks}), each taken from what the channel rendered
     * (a title falls back to the subject, a body to the text, "" when the channel has neither), beside the channel's own
     * fields (a push's data, an inbox item's actions).
     */
    static Map<String, Object> output(Channel channel, Map<String, Object> content) {
        Map<String, Object> filled = new LinkedHashMap<>(content);
        String subject = text(content, "subject", null);
        String body = text(content, "body", text(content, "text", null));
        filled.putIfAbsent("subject", subject == null ? "" : subject);
        filled.putIfAbsent("html", "");
        filled.putIfAbsent("text", body == null ? "" : body);
        filled.putIfAbsent("title", subject == null ? "" : subject);
        filled.putIfAbsent("body", body == null ? "" : body);
        filled.putIfAbsent("blocks", body == null ? List.of() : List.of(Map.of("type", "text", "text", body)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("channel", channel.wireName());
        view.put("channel_id", channel.wireName());
        view.put("content", filled);
        return view;
    }

    private static String text(Map<String, Object> content, String field, String otherwise) {
        return content.get(field) instanceof String value ? value : otherwise;
    }

    private static void putTime(Map<String, Object> view, String field, Message message, MessageStatus milestone) {
        message.reachedAt(milestone).map(Instant::toEpochMilli).ifPresent(at -> view.put(field, at));
    }
}
