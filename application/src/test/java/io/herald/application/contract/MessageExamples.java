package io.herald.application.contract;

import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.DeliveryPlan;
import io.herald.domain.routing.RoutingDecision;
import io.herald.domain.routing.RoutingNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Messages for the contracts: new ones as a send makes them, and the state a message holds. */
final class MessageExamples {

    private MessageExamples() {
    }

    /** Inline content to a user, with addresses and data that name the person. */
    static Message toUser(String id, String user, Instant at) {
        return Message.enqueue(new MessageId(id), id, MessageSpec.parse(Map.of(
                "to", Map.of("user_id", user, "email", user + "@example.org", "data", Map.of("first_name", "Al")),
                "content", Map.of("title", "Hi {{first_name}}", "body", "Your code is 1234"),
                "data", Map.of("order", 42, "items", List.of("socks", "hat")))), Optional.empty(), Optional.empty(), at);
    }

    /** A template's message to a user, one of a request's. */
    static Message withTemplate(String id, String user, String template, String requestId, Instant at) {
        return Message.enqueue(new MessageId(id), requestId, MessageSpec.parse(Map.of("to", Map.of("user_id", user), "template", template)),
                Optional.empty(), Optional.empty(), at);
    }

    /** An ad-hoc address, no user. */
    static Message toAddress(String id, String email, Instant at) {
        return Message.enqueue(new MessageId(id), id, MessageSpec.parse(Map.of("to", Map.of("email", email),
                "content", Map.of("title", "Hi", "body", "there"))), Optional.empty(), Optional.empty(), at);
    }

    /** Routed to email, falling back to sms: leaf {@code "0"} is email, {@code "1"} sms. */
    static Message routed(Message message, Instant at) {
        message.route(new RoutingDecision.Routed(DeliveryPlan.of(RoutingNode.single(Channel.EMAIL, Channel.SMS))), at);
        return message;
    }

    static MessageId id(String value) {
        return new MessageId(value);
    }

    /** Everything a message holds, but its history, for comparing a message with what was read back. */
    static List<Object> state(Message m) {
        return List.of(m.id(), m.requestId(), m.spec().raw(), m.event(), m.automationRunId(), m.enqueuedAt(), m.deliverAt(), m.expiresAt(),
                m.status(), m.reason(), m.error(), m.templateId(), m.channel(), m.provider(), m.plan(), m.milestones());
    }
}
