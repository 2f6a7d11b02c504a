package io.herald.domain.feedback;

import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.Message;
import io.herald.domain.profile.UserId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Segment events a message's new history entries call for (DESIGN §7): {@code Message Sent, Delivered,
 * Opened, Clicked, Undeliverable, Unroutable}, one per status reached, and {@code Message Opened} with
 * {@code opened: false} when an escalation on "viewed" ends with no channel left. Only messages to a user
 * (with a user id) are reported: Segment needs a user to attach them to.
 */
public final class EngagementEvents {

    private static final Map<String, String> EVENT_BY_HISTORY = Map.of(
            "SENT", "Message Sent",
            "DELIVERED", "Message Delivered",
            "OPENED", "Message Opened",
            "CLICKED", "Message Clicked",
            "UNDELIVERABLE", "Message Undeliverable",
            "UNROUTABLE", "Message Unroutable");

    private EngagementEvents() {
    }

    public static List<FeedbackEvent> of(Message message, List<HistoryEntry> newEntries) {
        Optional<UserId> user = message.recipient().userId();
        if (user.isEmpty()) {
            return List.of();
        }
        List<FeedbackEvent> events = new ArrayList<>();
        for (HistoryEntry entry : newEntries) {
            String type = entry.type().name();
            if (EVENT_BY_HISTORY.containsKey(type)) {
                Map<String, Object> properties = properties(message, entry, type);
                if (type.equals("OPENED")) {
                    properties.put("opened", true);
                }
                events.add(new FeedbackEvent(message.id().value() + "-" + type, message.id(), EVENT_BY_HISTORY.get(type),
                        user.get(), properties, entry.at()));
            } else if (type.equals("ESCALATED") && "viewed".equals(entry.details().get("criteria"))
                    && !entry.details().containsKey("next_channel")) {
                Map<String, Object> properties = properties(message, entry, message.status().name());
                properties.put("opened", false);
                events.add(new FeedbackEvent(message.id().value() + "-NOT_OPENED", message.id(), "Message Opened", user.get(),
                        properties, entry.at()));
            }
        }
        return events;
    }

    private static Map<String, Object> properties(Message message, HistoryEntry entry, String status) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("messageId", message.id().value());
        properties.put("notification", message.templateId().orElse(""));
        Object channel = entry.details().getOrDefault("channel", message.channel().map(c -> c.wireName()).orElse(null));
        Object provider = entry.details().getOrDefault("provider", message.provider().orElse(null));
        if (channel != null) {
            properties.put("channel", channel);
        }
        if (provider != null) {
            properties.put("provider", provider);
        }
        properties.put("event", message.event().orElse(""));
        properties.put("status", status);
        Object reason = entry.details().get("reason");
        if (reason != null) {
            properties.put("reason", reason);
        }
        message.automationRunId().ifPresent(run -> properties.put("automationRunId", run));
        return properties;
    }
}
