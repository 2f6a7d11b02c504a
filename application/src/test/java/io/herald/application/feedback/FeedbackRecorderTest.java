package io.herald.application.feedback;

import io.herald.application.fakes.InMemoryFeedbackOutbox;
import io.herald.domain.feedback.FeedbackEvent;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * Which Segment events each status change calls for (DESIGN §7), recorded in the outbox in the change's transaction:
 * one per status reached, named by message id and status so that recording it again adds nothing.
 */
class FeedbackRecorderTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final InMemoryFeedbackOutbox outbox = new InMemoryFeedbackOutbox();
    private final FeedbackRecorder recorder = new FeedbackRecorder(outbox, true);

    /** A message to alex as the store hands it out: its creation is history already written. */
    private static Message toAlex(String id, Optional<String> automationRun) {
        MessageSpec spec = MessageSpec.parse(Map.of("to", Map.of("user_id", "alex"), "template", "welcome",
                "metadata", Map.of("event", "Trial Started")));
        Message message = Message.enqueue(new MessageId(id), id, spec, Optional.empty(), automationRun, START);
        message.drainHistory();
        return message;
    }

    private static Message routed(Message message) {
        message.mapped("welcome", START);
        message.route(new RoutingDecision.Routed(DeliveryPlan.of(RoutingNode.single(Channel.EMAIL, Channel.SMS))), START);
        return message;
    }

    private List<FeedbackEvent> recorded() {
        return outbox.due(100, Instant.MAX).stream().map(pending -> pending.event()).toList();
    }

    @Test
    void routingAloneCallsForNoEventButSendingDoes() {
        Message message = routed(toAlex("m1", Optional.of("run-7")));
        recorder.recordFor(List.of(message));
        assertThat(recorded()).isEmpty();

        message.drainHistory();
        message.sent("0", "sendgrid", "sg-1", START.plusSeconds(1));
        recorder.recordFor(List.of(message));

        assertThat(recorded()).singleElement().satisfies(sent -> {
            assertThat(sent.event()).isEqualTo("Message Sent");
            assertThat(sent.segmentMessageId()).isEqualTo("m1-SENT");
            assertThat(sent.at()).isEqualTo(START.plusSeconds(1));
            assertThat(sent.properties()).isEqualTo(Map.of("messageId", "m1", "notification", "welcome", "channel", "email",
                    "provider", "sendgrid", "event", "Trial Started", "status", "SENT", "automationRunId", "run-7"));
        });
    }

    @Test
    void everyEngagementIsItsOwnEventAndAnOpenSaysOpened() {
        Message message = routed(toAlex("m1", Optional.empty()));
        message.sent("0", "sendgrid", "sg-1", START);
        message.engaged(MessageStatus.DELIVERED, Channel.EMAIL, "sendgrid", START.plusSeconds(10));
        message.engaged(MessageStatus.OPENED, Channel.EMAIL, "sendgrid", START.plusSeconds(20));
        message.engaged(MessageStatus.CLICKED, Channel.EMAIL, "sendgrid", START.plusSeconds(30));

        recorder.recordFor(List.of(message));

        assertThat(recorded()).extracting(FeedbackEvent::event, FeedbackEvent::segmentMessageId).containsExactly(
                tuple("Message Sent", "m1-SENT"),
                tuple("Message Delivered", "m1-DELIVERED"),
                tuple("Message Opened", "m1-OPENED"),
                tuple("Message Clicked", "m1-CLICKED"));
        assertThat(recorded().get(2).properties()).containsEntry("opened", true).containsEntry("status", "OPENED");
        assertThat(recorded().get(1).properties()).doesNotContainKey("opened");
    }

    @Test
    void endsThatReachNoOneAreReportedWithTheirReason() {
        Message undeliverable = routed(toAlex("m1", Optional.empty()));
        undeliverable.channelFailed("0", "sendgrid: 400 invalid", START);
        undeliverable.channelFailed("1", "twilio: 21211 invalid number", START);
        Message unroutable = toAlex("m2", Optional.empty());
        unroutable.route(new RoutingDecision.Unroutable(RoutingDecision.Why.UNSUBSCRIBED, "opted out of topic 'news'"), START);
        Message unmapped = toAlex("m3", Optional.empty());
        unmapped.unmapped("no template has id or event 'welcome'", START);
        Message canceled = toAlex("m4", Optional.empty());
        canceled.cancel(START);

        recorder.recordFor(List.of(undeliverable, unroutable, unmapped, canceled));

        assertThat(recorded()).extracting(FeedbackEvent::event).containsExactly("Message Undeliverable", "Message Unroutable");
        assertThat(recorded().get(0).properties()).containsEntry("reason", "PROVIDER_ERROR").containsEntry("status", "UNDELIVERABLE")
                .containsEntry("channel", "sms");
        assertThat(recorded().get(1).properties()).containsEntry("reason", "UNSUBSCRIBED").containsEntry("status", "UNROUTABLE");
    }

    @Test
    void anEventRecordedAgainIsNotDuplicated() {
        Message message = routed(toAlex("m1", Optional.empty()));
        message.sent("0", "sendgrid", "sg-1", START);

        recorder.recordFor(List.of(message));
        recorder.recordFor(List.of(message));

        assertThat(recorded()).extracting(FeedbackEvent::segmentMessageId).containsExactly("m1-SENT");
    }

    @Test
    void aMessageToABareAddressHasNoUserToReportToAndFeedbackOffRecordsNothing() {
        Message adHoc = Message.enqueue(new MessageId("m1"), "m1", MessageSpec.parse(Map.of("to", Map.of("email", "a@example.org"),
                "content", Map.of("title", "Hi", "body", "Hello"))), Optional.empty(), Optional.empty(), START);
        adHoc.route(new RoutingDecision.Routed(DeliveryPlan.of(RoutingNode.single(Channel.EMAIL))), START);
        adHoc.sent("0", "sendgrid", "sg-1", START);
        recorder.recordFor(List.of(adHoc));
        assertThat(recorded()).isEmpty();

        Message toAlex = routed(toAlex("m2", Optional.empty()));
        toAlex.sent("0", "sendgrid", "sg-2", START);
        FeedbackRecorder.off().recordFor(List.of(toAlex));
        assertThat(recorded()).isEmpty();
    }
}
