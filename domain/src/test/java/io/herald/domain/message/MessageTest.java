package io.herald.domain.message;

import io.herald.domain.delivery.FailoverPolicy;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.DeliveryPlan.Target;
import io.herald.domain.routing.DeliveryPlan;
import io.herald.domain.routing.RoutingDecision.Routed;
import io.herald.domain.routing.RoutingDecision.Unroutable;
import io.herald.domain.routing.RoutingDecision;
import io.herald.domain.routing.RoutingMethod;
import io.herald.domain.routing.RoutingNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.domain.routing.Channel.EMAIL;
import static io.herald.domain.routing.Channel.PUSH;
import static io.herald.domain.routing.Channel.SMS;
import static org.assertj.core.api.Assertions.assertThat;

class MessageTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static MessageSpec spec(Map<String, Object> extra) {
        Map<String, Object> message = new LinkedHashMap<>(Map.of("to", Map.of("user_id", "u1"), "template", "welcome"));
        message.putAll(extra);
        return MessageSpec.parse(message);
    }

    private static Message enqueue(MessageSpec spec) {
        return Message.enqueue(new MessageId("m1"), "r1", spec, Optional.empty(), Optional.empty(), NOW);
    }

    private static Message routedOn(RoutingNode.Group routing) {
        Message message = enqueue(spec(Map.of()));
        message.route(new Routed(DeliveryPlan.of(routing)), NOW);
        message.drainHistory();
        return message;
    }

    private static Message sentByEmail() {
        Message message = routedOn(RoutingNode.single(EMAIL));
        message.sent("0", "sendgrid", "sg-1", NOW.plusSeconds(1));
        message.drainHistory();
        return message;
    }

    private static RoutingNode.Group all(Channel... channels) {
        return new RoutingNode.Group(RoutingMethod.ALL, RoutingNode.single(channels).children());
    }

    private static List<HistoryType> types(List<HistoryEntry> history) {
        return history.stream().map(HistoryEntry::type).toList();
    }

    @Test
    void anEnqueuedMessageIsDueNowWithAnEnqueuedEntry() {
        Message message = enqueue(spec(Map.of()));

        assertThat(message.status()).isEqualTo(MessageStatus.ENQUEUED);
        assertThat(message.deliverAt()).isEmpty();
        assertThat(message.reachedAt(MessageStatus.ENQUEUED)).contains(NOW);
        assertThat(message.templateId()).contains("welcome");
        assertThat(message.drainHistory()).containsExactly(new HistoryEntry(HistoryType.ENQUEUED, NOW, Map.of()));
    }

    @Test
    void aFutureDelayHoldsTheMessageUntilThen() {
        Message message = enqueue(spec(Map.of("delay", Map.of("duration", "2 hours"))));

        assertThat(message.status()).isEqualTo(MessageStatus.DELAYED);
        assertThat(message.deliverAt()).contains(NOW.plus(Duration.ofHours(2)));
        assertThat(message.drainHistory()).containsExactly(
                new HistoryEntry(HistoryType.ENQUEUED, NOW, Map.of()),
                new HistoryEntry(HistoryType.DELAYED, NOW, Map.of("until", "2026-03-01T11:00:00Z")));
    }

    @Test
    void aDelayUntilAMomentAlreadyPastDoesNotDelay() {
        Message message = enqueue(spec(Map.of("delay", Map.of("until", "2026-01-01T00:00:00Z"))));

        assertThat(message.status()).isEqualTo(MessageStatus.ENQUEUED);
        assertThat(message.deliverAt()).isEmpty();
    }

    @Test
    void routingADelayedMessageRecordsItsRouting() {
        Message message = enqueue(spec(Map.of("delay", Map.of("duration", 60_000))));
        message.drainHistory();

        message.route(new Routed(DeliveryPlan.of(RoutingNode.single(EMAIL, SMS))), NOW.plusSeconds(60));

        assertThat(message.status()).isEqualTo(MessageStatus.ROUTED);
        assertThat(message.reachedAt(MessageStatus.ROUTED)).contains(NOW.plusSeconds(60));
        assertThat(message.plan().orElseThrow().due()).containsExactly(new Target("0", EMAIL));
        assertThat(message.drainHistory()).containsExactly(new HistoryEntry(HistoryType.ROUTED, NOW.plusSeconds(60),
                Map.of("routing", Map.of("method", "single", "channels", List.of("email", "sms")))));
    }

    @Test
    void anUnroutableMessageEndsWithTheReason() {
        Message message = enqueue(spec(Map.of()));
        message.drainHistory();

        message.route(new Unroutable(RoutingDecision.Why.UNSUBSCRIBED, "opted out of 'billing'"), NOW);

        assertThat(message.status()).isEqualTo(MessageStatus.UNROUTABLE);
        assertThat(message.reason()).contains(MessageReason.UNSUBSCRIBED);
        assertThat(message.error()).contains("opted out of 'billing'");
        assertThat(types(message.drainHistory())).containsExactly(HistoryType.UNROUTABLE);
    }

    @Test
    void aSendRecordsTheChannelAndProvider() {
        Message message = routedOn(RoutingNode.single(EMAIL, SMS));
        Instant at = NOW.plusSeconds(1);

        message.sent("0", "sendgrid", "sg-1", at);

        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        assertThat(message.channel()).contains(EMAIL);
        assertThat(message.provider()).contains("sendgrid");
        assertThat(message.reachedAt(MessageStatus.SENT)).contains(at);
        assertThat(message.plan().orElseThrow().sent()).containsExactly(new Target("0", EMAIL));
        assertThat(message.drainHistory()).containsExactly(new HistoryEntry(HistoryType.SENT, at,
                Map.of("channel", "email", "provider", "sendgrid", "provider_message_id", "sg-1")));
    }

    @Test
    void whenTheOnlyChannelFailsTheMessageIsUndeliverableForAProviderError() {
        Message message = routedOn(RoutingNode.single(SMS));

        message.channelFailed("0", "twilio: invalid number", NOW);

        assertThat(message.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        assertThat(message.reason()).contains(MessageReason.PROVIDER_ERROR);
        assertThat(message.error()).contains("twilio: invalid number");
        assertThat(message.drainHistory()).containsExactly(new HistoryEntry(HistoryType.UNDELIVERABLE, NOW,
                Map.of("reason", "PROVIDER_ERROR", "error", "twilio: invalid number", "channel", "sms")));
    }

    @Test
    void whenTheFirstChannelOfASingleRoutingFailsTheNextIsDue() {
        Message message = routedOn(RoutingNode.single(EMAIL, SMS));

        message.channelFailed("0", "sendgrid: rejected", NOW);

        assertThat(message.status()).isEqualTo(MessageStatus.ROUTED);
        assertThat(message.plan().orElseThrow().due()).containsExactly(new Target("1", SMS));
    }

    @Test
    void whenEveryChannelOfASingleRoutingFailsTheLastOneIsBlamed() {
        Message message = routedOn(RoutingNode.single(EMAIL, SMS));

        message.channelFailed("0", "sendgrid: rejected", NOW);
        message.channelFailed("1", "twilio: rejected", NOW);

        assertThat(message.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        assertThat(message.error()).contains("twilio: rejected");
        assertThat(message.drainHistory()).singleElement().satisfies(entry -> assertThat(entry.details()).containsEntry("channel", "sms"));
    }

    @Test
    void aFailureAfterAnEscalatedSendDoesNotUndoTheSend() {
        Message message = routedOn(RoutingNode.single(EMAIL, SMS));
        message.sent("0", "sendgrid", null, NOW);
        message.escalate("0", Escalation.Criteria.DELIVERED, NOW.plusSeconds(3600));

        message.channelFailed("1", "twilio: rejected", NOW.plusSeconds(3601));

        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        assertThat(message.reason()).isEmpty();
    }

    @Test
    void engagementsMoveTheStatusForward() {
        Message message = sentByEmail();

        message.engaged(MessageStatus.DELIVERED, EMAIL, "sendgrid", NOW.plusSeconds(2));
        assertThat(message.status()).isEqualTo(MessageStatus.DELIVERED);
        message.engaged(MessageStatus.OPENED, EMAIL, "sendgrid", NOW.plusSeconds(3));
        assertThat(message.status()).isEqualTo(MessageStatus.OPENED);
        message.engaged(MessageStatus.CLICKED, EMAIL, "sendgrid", NOW.plusSeconds(4));

        assertThat(message.status()).isEqualTo(MessageStatus.CLICKED);
        assertThat(message.reachedAt(MessageStatus.OPENED)).contains(NOW.plusSeconds(3));
        assertThat(message.drainHistory()).containsExactly(
                new HistoryEntry(HistoryType.DELIVERED, NOW.plusSeconds(2), Map.of("channel", "email", "provider", "sendgrid")),
                new HistoryEntry(HistoryType.OPENED, NOW.plusSeconds(3), Map.of("channel", "email", "provider", "sendgrid")),
                new HistoryEntry(HistoryType.CLICKED, NOW.plusSeconds(4), Map.of("channel", "email", "provider", "sendgrid")));
    }

    @Test
    void aLateDeliveryReceiptKeepsTheStatusButIsRecordedWithItsOwnTime() {
        Message message = sentByEmail();
        message.engaged(MessageStatus.OPENED, EMAIL, "sendgrid", NOW.plusSeconds(10));
        message.drainHistory();

        message.engaged(MessageStatus.DELIVERED, EMAIL, "sendgrid", NOW.plusSeconds(5));

        assertThat(message.status()).isEqualTo(MessageStatus.OPENED);
        assertThat(message.reachedAt(MessageStatus.DELIVERED)).contains(NOW.plusSeconds(5));
        assertThat(message.drainHistory()).containsExactly(
                new HistoryEntry(HistoryType.DELIVERED, NOW.plusSeconds(5), Map.of("channel", "email", "provider", "sendgrid")));
    }

    @Test
    void aRepeatedEngagementKeepsTheFirstTime() {
        Message message = sentByEmail();

        message.engaged(MessageStatus.OPENED, EMAIL, "sendgrid", NOW.plusSeconds(10));
        message.engaged(MessageStatus.OPENED, EMAIL, "sendgrid", NOW.plusSeconds(20));

        assertThat(message.reachedAt(MessageStatus.OPENED)).contains(NOW.plusSeconds(10));
        assertThat(types(message.drainHistory())).containsExactly(HistoryType.OPENED, HistoryType.OPENED);
    }

    @Test
    void aBounceMakesASentMessageUndeliverable() {
        Message message = sentByEmail();

        message.bounced(MessageReason.BOUNCED, "mailbox full", EMAIL, "sendgrid", NOW.plusSeconds(5));

        assertThat(message.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        assertThat(message.reason()).contains(MessageReason.BOUNCED);
        assertThat(message.error()).contains("mailbox full");
        assertThat(message.reachedAt(MessageStatus.UNDELIVERABLE)).contains(NOW.plusSeconds(5));
        assertThat(message.drainHistory()).containsExactly(new HistoryEntry(HistoryType.UNDELIVERABLE, NOW.plusSeconds(5),
                Map.of("channel", "email", "provider", "sendgrid", "reason", "BOUNCED", "error", "mailbox full")));
    }

    @Test
    void aBounceAfterDeliveryIsOnlyRecorded() {
        Message message = sentByEmail();
        message.engaged(MessageStatus.DELIVERED, EMAIL, "sendgrid", NOW.plusSeconds(2));
        message.drainHistory();

        message.bounced(MessageReason.BOUNCED, "late bounce", EMAIL, "sendgrid", NOW.plusSeconds(5));

        assertThat(message.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(message.reason()).isEmpty();
        assertThat(message.reachedAt(MessageStatus.UNDELIVERABLE)).isEmpty();
        assertThat(types(message.drainHistory())).containsExactly(HistoryType.UNDELIVERABLE);
    }

    @Test
    void aMessageCanBeCanceledUntilItIsSent() {
        Message enqueued = enqueue(spec(Map.of()));
        Message routed = routedOn(RoutingNode.single(EMAIL));

        assertThat(enqueued.cancel(NOW)).isTrue();
        assertThat(routed.cancel(NOW)).isTrue();

        assertThat(enqueued.status()).isEqualTo(MessageStatus.CANCELED);
        assertThat(routed.status()).isEqualTo(MessageStatus.CANCELED);
        assertThat(types(routed.drainHistory())).containsExactly(HistoryType.CANCELED);
    }

    @Test
    void aSentMessageCannotBeCanceled() {
        Message message = sentByEmail();

        assertThat(message.cancel(NOW)).isFalse();
        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        assertThat(message.drainHistory()).isEmpty();
    }

    @Test
    void anUnsentMessageIsGivenUpOnceItsExpiryPasses() {
        Message message = enqueue(spec(Map.of("expiry", Map.of("expires_in", "1 hour"))));
        message.drainHistory();

        assertThat(message.expireIfDue(NOW.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(message.status()).isEqualTo(MessageStatus.ENQUEUED);
        assertThat(message.expireIfDue(NOW.plus(Duration.ofHours(1)))).isTrue();

        assertThat(message.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        assertThat(message.reason()).contains(MessageReason.FAILED);
        assertThat(message.error()).hasValueSatisfying(error -> assertThat(error).contains("expired"));
        assertThat(types(message.drainHistory())).containsExactly(HistoryType.UNDELIVERABLE);
    }

    @Test
    void aSentMessageOrOneWithoutExpiryNeverExpires() {
        Message sent = enqueue(spec(Map.of("expiry", Map.of("expires_in", 1000))));
        sent.route(new Routed(DeliveryPlan.of(RoutingNode.single(EMAIL))), NOW);
        sent.sent("0", "sendgrid", null, NOW);

        assertThat(sent.expireIfDue(NOW.plus(Duration.ofDays(1)))).isFalse();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(enqueue(spec(Map.of())).expireIfDue(NOW.plus(Duration.ofDays(365)))).isFalse();
    }

    @Test
    void anEscalationMovesOnToTheNextChannelAndSaysWhich() {
        Message message = routedOn(RoutingNode.single(EMAIL, SMS));
        message.sent("0", "sendgrid", null, NOW);
        message.drainHistory();

        message.escalate("0", Escalation.Criteria.VIEWED, NOW.plusSeconds(3600));

        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        assertThat(message.plan().orElseThrow().due()).containsExactly(new Target("1", SMS));
        assertThat(message.drainHistory()).containsExactly(new HistoryEntry(HistoryType.ESCALATED, NOW.plusSeconds(3600),
                Map.of("channel", "email", "criteria", "viewed", "next_channel", "sms")));
    }

    @Test
    void drainingTheHistoryHandsOutEachEntryOnce() {
        Message message = enqueue(spec(Map.of()));

        assertThat(message.drainHistory()).hasSize(1);
        assertThat(message.drainHistory()).isEmpty();
        message.cancel(NOW);
        assertThat(types(message.drainHistory())).containsExactly(HistoryType.CANCELED);
    }

    @Test
    void allRoutingRecordsASendOnEachOfItsChannels() {
        Message message = routedOn(all(EMAIL, PUSH));

        message.sent("0", "sendgrid", null, NOW.plusSeconds(1));
        message.sent("1", "fcm", null, NOW.plusSeconds(2));

        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        assertThat(message.channel()).contains(EMAIL);
        assertThat(message.reachedAt(MessageStatus.SENT)).contains(NOW.plusSeconds(1));
        assertThat(message.plan().orElseThrow().sent()).containsExactly(new Target("0", EMAIL), new Target("1", PUSH));
        assertThat(types(message.drainHistory())).containsExactly(HistoryType.SENT, HistoryType.SENT);
    }

    @Test
    void theChannelAnEscalationMovedToCanBeSent() {
        Message message = routedOn(RoutingNode.single(EMAIL, SMS));
        message.sent("0", "sendgrid", null, NOW);
        message.escalate("0", Escalation.Criteria.DELIVERED, NOW.plusSeconds(3600));

        message.sent("1", "twilio", null, NOW.plusSeconds(3601));

        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        assertThat(message.plan().orElseThrow().sent()).containsExactly(new Target("1", SMS));
    }

    @Test
    void aProviderErrorIsRecordedWithWhatHappensNextAndLeavesTheStatusAlone() {
        Message message = routedOn(RoutingNode.single(EMAIL));

        message.providerError("0", "sendgrid", "503 Service Unavailable", 503, true, FailoverPolicy.Move.RETRY, NOW.plusSeconds(1));

        assertThat(message.status()).isEqualTo(MessageStatus.ROUTED);
        HistoryEntry entry = message.drainHistory().get(0);
        assertThat(entry.type()).isEqualTo(HistoryType.PROVIDER_ERROR);
        assertThat(entry.details()).containsEntry("channel", "email").containsEntry("provider", "sendgrid")
                .containsEntry("status_code", 503).containsEntry("transient", true).containsEntry("next", "retry");
    }

    @Test
    void anUndeliverableMessageRedrivenStartsOverFromRouting() {
        Message message = routedOn(RoutingNode.single(EMAIL));
        message.channelFailed("0", "sendgrid: 503", NOW.plusSeconds(5));
        assertThat(message.status()).isEqualTo(MessageStatus.UNDELIVERABLE);
        message.drainHistory();

        assertThat(message.redrive(NOW.plusSeconds(60))).isTrue();

        assertThat(message.status()).isEqualTo(MessageStatus.ENQUEUED);
        assertThat(message.plan()).isEmpty();
        assertThat(message.reason()).isEmpty();
        assertThat(message.error()).isEmpty();
        assertThat(message.reachedAt(MessageStatus.UNDELIVERABLE)).isEmpty();
        assertThat(message.drainHistory()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(HistoryType.ENQUEUED);
            assertThat(entry.details()).containsEntry("redrive", true).containsEntry("was", "UNDELIVERABLE");
        });
        message.route(new Routed(DeliveryPlan.of(RoutingNode.single(EMAIL))), NOW.plusSeconds(61));
        message.sent("0", "sendgrid", "sg-2", NOW.plusSeconds(62));
        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void aMessageAProviderAcceptedOnceIsNotRedrivenNorOneThatDidNotGiveUp() {
        Message bounced = sentByEmail();
        bounced.bounced(MessageReason.BOUNCED, "mailbox does not exist", EMAIL, "sendgrid", NOW.plusSeconds(10));
        assertThat(bounced.status()).isEqualTo(MessageStatus.UNDELIVERABLE);

        assertThat(bounced.redrive(NOW.plusSeconds(60))).as("sending it again could deliver it twice").isFalse();
        assertThat(sentByEmail().redrive(NOW)).isFalse();
        assertThat(routedOn(RoutingNode.single(EMAIL)).redrive(NOW)).isFalse();
    }
}
