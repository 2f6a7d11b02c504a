package io.herald.domain.feedback;

import io.herald.domain.message.Escalation;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.DeliveryPlan;
import io.herald.domain.routing.RoutingDecision;
import io.herald.domain.routing.RoutingNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EngagementEventsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    private static Message routed(Map<String, Object> to, RoutingNode.Group routing) {
        MessageSpec spec = MessageSpec.parse(Map.of("to", to, "template", "welcome"));
        Message message = Message.enqueue(new MessageId("m1"), "m1", spec, Optional.of("Trial Started"), Optional.of("run-1"), T0);
        message.mapped("welcome", T0);
        message.route(new RoutingDecision.Routed(DeliveryPlan.of(routing)), T0);
        message.drainHistory();
        return message;
    }

    @Test
    void eachStatusReachedBecomesOneEventWithTheContractProperties() {
        Message message = routed(Map.of("user_id", "alex"), RoutingNode.single(Channel.EMAIL));
        message.sent("0", "sendgrid", "sg-1", T0.plusSeconds(1));
        message.engaged(MessageStatus.DELIVERED, Channel.EMAIL, "sendgrid", T0.plusSeconds(2));
        message.engaged(MessageStatus.OPENED, Channel.EMAIL, "sendgrid", T0.plusSeconds(3));
        message.engaged(MessageStatus.CLICKED, Channel.EMAIL, "sendgrid", T0.plusSeconds(4));

        List<FeedbackEvent> events = EngagementEvents.of(message, message.newEvents());

        assertThat(events).extracting(FeedbackEvent::event)
                .containsExactly("Message Sent", "Message Delivered", "Message Opened", "Message Clicked");
        assertThat(events).extracting(FeedbackEvent::segmentMessageId)
                .containsExactly("m1-SENT", "m1-DELIVERED", "m1-OPENED", "m1-CLICKED");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.userId().value()).isEqualTo("alex");
            assertThat(event.properties()).containsEntry("messageId", "m1").containsEntry("notification", "welcome")
                    .containsEntry("channel", "email").containsEntry("provider", "sendgrid")
                    .containsEntry("event", "Trial Started").containsEntry("automationRunId", "run-1");
        });
        assertThat(events.get(2).properties()).containsEntry("opened", true).containsEntry("status", "OPENED");
        assertThat(events.get(3).at()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void unroutableAndUndeliverableCarryTheirReason() {
        MessageSpec spec = MessageSpec.parse(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));
        Message unroutable = Message.enqueue(new MessageId("m2"), "m2", spec, Optional.empty(), Optional.empty(), T0);
        unroutable.route(new RoutingDecision.Unroutable(RoutingDecision.Why.UNSUBSCRIBED, "opted out"), T0);
        Message bounced = routed(Map.of("user_id", "alex"), RoutingNode.single(Channel.EMAIL));
        bounced.sent("0", "sendgrid", "sg-2", T0);
        bounced.bounced(MessageReason.BOUNCED, "550", Channel.EMAIL, "sendgrid", T0);

        assertThat(EngagementEvents.of(unroutable, unroutable.newEvents())).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("Message Unroutable");
            assertThat(event.properties()).containsEntry("reason", "UNSUBSCRIBED");
        });
        assertThat(EngagementEvents.of(bounced, bounced.newEvents())).extracting(FeedbackEvent::event)
                .containsExactly("Message Sent", "Message Undeliverable");
    }

    @Test
    void anEscalationOnViewedWithNoChannelLeftReportsOpenedFalse() {
        Message message = routed(Map.of("user_id", "alex"), RoutingNode.single(Channel.EMAIL, Channel.SMS));
        message.sent("0", "sendgrid", null, T0);
        message.escalate("0", Escalation.Criteria.VIEWED, T0.plusSeconds(7200));
        message.sent("1", "twilio", null, T0.plusSeconds(7200));
        message.escalate("1", Escalation.Criteria.VIEWED, T0.plusSeconds(14400));

        List<FeedbackEvent> events = EngagementEvents.of(message, message.newEvents());

        assertThat(events).extracting(FeedbackEvent::event).containsExactly("Message Sent", "Message Sent", "Message Opened");
        assertThat(events.get(2).properties()).containsEntry("opened", false).containsEntry("status", "SENT");
        assertThat(events.get(2).segmentMessageId()).isEqualTo("m1-NOT_OPENED");
    }

    @Test
    void messagesToAnAdHocAddressAreNotReported() {
        Message message = routed(Map.of("email", "someone@example.org"), RoutingNode.single(Channel.EMAIL));
        message.sent("0", "sendgrid", null, T0);

        assertThat(EngagementEvents.of(message, message.newEvents())).isEmpty();
    }
}
