package io.herald.domain.feedback;

import io.herald.domain.message.Escalation;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageEvent;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Segment events a message's new events call for (DESIGN §7): {@code Message Sent, Delivered, Opened,
 * Clicked, Undeliverable, Unroutable}, one per status reached, and {@code Message Opened} with {@code opened: false}
 * when an escalation on "viewed" ends with no channel left. Only messages to a user (with a user id) are
 * reported: Segment needs a user to attach them to.
 */
public final class EngagementEvents {

    private EngagementEvents() {
    }

    public static List<FeedbackEvent> of(Message message, List<MessageEvent> newEvents) {
        Optional<UserId> user = message.recipient().userId();
        if (user.isEmpty()) {
            return List.of();
        }
        List<FeedbackEvent> events = new ArrayList<>();
        for (MessageEvent event : newEvents) {
            Optional<String> name = segmentEventOf(event);
            if (name.isPresent()) {
                String status = event.type().name();
                Map<String, Object> properties = properties(message, event, status);
                if (event instanceof MessageEvent.Engaged engaged && engaged.reached() == MessageStatus.OPENED) {
                    properties.put("opened", true);
                }
                events.add(new FeedbackEvent(message.id().value() + "-" + status, message.id(), name.get(), user.get(),
                        properties, event.at()));
            } else if (event instanceof MessageEvent.Escalated escalated && escalated.criteria() == Escalation.Criteria.VIEWED
                    && escalated.nextChannel().isEmpty()) {
                Map<String, Object> properties = properties(message, event, message.status().name());
                properties.put("opened", false);
                events.add(new FeedbackEvent(message.id().value() + "-NOT_OPENED", message.id(), "Message Opened", user.get(),
                        properties, event.at()));
            }
        }
        return events;
    }

    private static Optional<String> segmentEventOf(MessageEvent event) {
        if (event instanceof MessageEvent.Sent) {
            return Optional.of("Message Sent");
        }
        if (event instanceof MessageEvent.Engaged engaged) {
            return Optional.of(switch (engaged.reached()) {
                case DELIVERED -> "Message Delivered";
                case OPENED -> "Message Opened";
                default -> "Message Clicked";
            });
        }
        if (event instanceof MessageEvent.Undeliverable) {
            return Optional.of("Message Undeliverable");
        }
        if (event instanceof MessageEvent.Unroutable) {
            return Optional.of("Message Unroutable");
        }
        return Optional.empty();
    }

    private static Map<String, Object> properties(Message message, MessageEvent event, String status) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("messageId", message.id().value());
        properties.put("notification", message.templateId().orElse(""));
        event.channel().or(message::channel).map(Channel::wireName).ifPresent(channel -> properties.put("channel", channel));
        event.provider().or(message::provider).ifPresent(provider -> properties.put("provider", provider));
        properties.put("event", message.event().orElse(""));
        properties.put("status", status);
        reasonOf(event).ifPresent(reason -> properties.put("reason", reason.name()));
        message.automationRunId().ifPresent(run -> properties.put("automationRunId", run));
        return properties;
    }

    private static Optional<MessageReason> reasonOf(MessageEvent event) {
        if (event instanceof MessageEvent.Undeliverable undeliverable) {
            return Optional.of(undeliverable.reason());
        }
        return event instanceof MessageEvent.Unroutable unroutable ? Optional.of(unroutable.reason()) : Optional.empty();
    }
}
