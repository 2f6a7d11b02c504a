package io.herald.adapters.inbound.rest.message;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingCancelMessage;
import io.herald.adapters.inbound.rest.fakes.RecordingResendMessage;
import io.herald.adapters.inbound.rest.fakes.RecordingQueryMessages;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.errors.ConflictException;
import io.herald.application.port.Page;
import io.herald.application.port.in.QueryMessagesUseCase.Leg;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.HistoryType;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.adapters.inbound.rest.support.Api.asAdmin;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

@MicronautTest
class MessagesControllerTest extends ApiTest {

    private static final Instant ENQUEUED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant SENT = Instant.parse("2026-03-02T10:00:01.250Z");
    private static final Instant DELIVERED = Instant.parse("2026-03-02T10:00:04Z");
    private static final MessageId DELIVERED_ID = new MessageId("1-019ca5d1a400-0a1b2c3d4e5f6071");
    private static final MessageId BOUNCED_ID = new MessageId("1-019ca5d1a400-ffeeddccbbaa9988");

    @Inject
    RecordingQueryMessages messages;

    @Inject
    RecordingCancelMessage cancel;

    @Inject
    RecordingResendMessage resend;

    private static MessageSpec toAlex() {
        return MessageSpec.parse(Map.of("to", Map.of("user_id", "user_123"), "template", "order-completed"));
    }

    private static Message delivered() {
        return Message.reconstitute(DELIVERED_ID, "req-1", toAlex(), Optional.of("Order Completed"), Optional.empty(), ENQUEUED,
                Optional.empty(), Optional.empty(), MessageStatus.DELIVERED, Optional.empty(), Optional.empty(), Optional.of("order-completed"),
                Optional.of(Channel.EMAIL), Optional.of("sendgrid"), Optional.empty(),
                Map.of(MessageStatus.ENQUEUED, ENQUEUED, MessageStatus.SENT, SENT, MessageStatus.DELIVERED, DELIVERED));
    }

    private static Message bounced() {
        return Message.reconstitute(BOUNCED_ID, "req-2", toAlex(), Optional.empty(), Optional.of("run-019ca5d1a400-0011223344556677"),
                ENQUEUED, Optional.empty(), Optional.empty(), MessageStatus.UNDELIVERABLE, Optional.of(MessageReason.BOUNCED),
                Optional.of("550 5.1.1 mailbox unavailable"), Optional.of("order-completed"), Optional.of(Channel.EMAIL),
                Optional.of("sendgrid"), Optional.empty(), Map.of(MessageStatus.ENQUEUED, ENQUEUED, MessageStatus.SENT, SENT));
    }

    private static String deliveredJson() {
        return """
                {"id": "%s", "requestId": "req-1", "status": "DELIVERED", "recipient": "user_123", "notification": "order-completed",
                 "event": "Order Completed", "channel": "email", "provider": "sendgrid",
                 "enqueued": %d, "sent": %d, "delivered": %d}"""
                .formatted(DELIVERED_ID.value(), ENQUEUED.toEpochMilli(), SENT.toEpochMilli(), DELIVERED.toEpochMilli());
    }

    @Test
    void everyFilterAndThePageGoIntoTheQuery() {
        api.get("/messages?recipient=user_123&status=delivered&notification=order-completed&request_id=req-1&cursor=c1&limit=10");

        assertThat(messages.onlyQuery()).isEqualTo(new MessageQuery(Optional.of("user_123"), Optional.of(MessageStatus.DELIVERED),
                Optional.of("order-completed"), Optional.of("req-1"), Optional.of("c1"), 10));
    }

    @Test
    void theProviderAndTheEarliestEnqueueTimeGoIntoTheQueryAsCourierNamesThem() {
        api.get("/messages?provider=sendgrid&enqueued_after=2026-12-03T08:00:00Z");
        api.get("/messages?enqueued_after=1764748800000");

        assertThat(messages.queries()).extracting(MessageQuery::provider, MessageQuery::enqueuedFrom).containsExactly(
                tuple(Optional.of("sendgrid"), Optional.of(Instant.parse("2026-12-03T08:00:00Z"))),
                tuple(Optional.empty(), Optional.of(Instant.ofEpochMilli(1_764_748_800_000L))));
        assertBadRequest(api.get("/messages?enqueued_after=yesterday"), "enqueued_after must be an ISO-8601 date and time");
    }

    @Test
    void whatTheSendCarriedGoesIntoTheQueryAsCourierNamesIt_tagRepeatedOrTagsCommaSeparated() {
        api.get("/messages?tag=billing&tag=eu&tags=onboarding,%20trial&traceId=trace-1&tenant_id=acme&event=Invoice%20Paid");
        api.get("/messages?messageId=req-7");

        assertThat(messages.queries()).extracting(MessageQuery::sentWith).containsExactly(
                new MessageQuery.SentWith(List.of("billing", "eu", "onboarding", "trial"), Optional.of("trace-1"), Optional.of("acme"),
                        Optional.of("Invoice Paid")),
                MessageQuery.SentWith.ANY);
        assertThat(messages.queries().get(1).requestId()).as("Courier's messageId is the id /send answered").contains("req-7");
        assertBadRequest(api.get("/messages?messageId=req-7&request_id=req-8"), "request_id and messageId name the same thing");
    }

    @Test
    void withoutFiltersTheFirstTwentyAreAskedFor() {
        api.get("/messages");

        assertThat(messages.onlyQuery()).isEqualTo(new MessageQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 20));
    }

    @Test
    void anAddressWithAPlusIsARecipientFilterToo() {
        api.get("/messages?recipient=%2B15555550100");

        assertThat(messages.onlyQuery().recipient()).contains("+15555550100");
    }

    @Test
    void aPageOfMessagesInCouriersShape() {
        messages.answerList(new Page<>(List.of(delivered(), bounced()), "next-page"));

        Reply reply = api.get("/messages");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"paging": {"cursor": "next-page", "more": true},
                 "results": [%s,
                             {"id": "%s", "requestId": "req-2", "status": "UNDELIVERABLE", "reason": "BOUNCED", "recipient": "user_123",
                              "notification": "order-completed", "event": "", "channel": "email", "provider": "sendgrid",
                              "enqueued": %d, "sent": %d, "error": "550 5.1.1 mailbox unavailable",
                              "automationRunId": "run-019ca5d1a400-0011223344556677"}]}"""
                .formatted(deliveredJson(), BOUNCED_ID.value(), ENQUEUED.toEpochMilli(), SENT.toEpochMilli())));
    }

    @Test
    void anUnknownStatusFilterIsRefused() {
        assertBadRequest(api.get("/messages?status=LOST"), "status must be one of [ENQUEUED, DELAYED, ROUTED, SENT, DELIVERED");
        assertThat(messages.calls()).isEmpty();
    }

    @Test
    void aLimitOverAHundredIsRefused() {
        assertBadRequest(api.get("/messages?limit=1000"), "limit must be between 1 and 100");
        assertThat(messages.calls()).isEmpty();
    }

    @Test
    void oneMessageWithTheChannelsItWasTriedOn() {
        messages.know(delivered());
        messages.answerLegs(List.of(new Leg(Channel.EMAIL, "sendgrid", 2, "SENT", SENT)));

        Reply reply = api.get("/messages/" + DELIVERED_ID.value());

        Map<String, Object> expected = Json.object(deliveredJson());
        expected.put("channels", Json.parse("[{\"channel\": \"email\", \"provider\": \"sendgrid\", \"attempts\": 2, \"outcome\": \"SENT\", \"last_attempt\": %d}]"
                .formatted(SENT.toEpochMilli())));
        assertThat(reply.json()).isEqualTo(expected);
    }

    @Test
    void anUnknownMessageIsANotFound() {
        assertApiError(api.get("/messages/1-000000000000-0000000000000000"), 404, "not_found", "No message '1-000000000000-0000000000000000'");
    }

    @Test
    void aMessageIdLongerThan128CharactersIsRefused() {
        assertBadRequest(api.get("/messages/" + "m".repeat(129)), "message id must be 1 to 128 characters");
        assertThat(messages.calls()).isEmpty();
    }

    @Test
    void theHistoryListsEntriesWithTheirDetails() {
        messages.know(delivered());
        messages.answerHistory(List.of(new HistoryEntry(HistoryType.ENQUEUED, ENQUEUED, Map.of()),
                new HistoryEntry(HistoryType.SENT, SENT, Map.of("channel", "email", "provider", "sendgrid"))));

        Reply reply = api.get("/messages/" + DELIVERED_ID.value() + "/history");

        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"results": [{"type": "ENQUEUED", "ts": %d},
                             {"type": "SENT", "ts": %d, "channel": "email", "provider": "sendgrid"}]}"""
                .formatted(ENQUEUED.toEpochMilli(), SENT.toEpochMilli())));
    }

    @Test
    void theHistoryCanBeNarrowedToOneTypeInAnyCase() {
        messages.know(delivered());
        messages.answerHistory(List.of(new HistoryEntry(HistoryType.ENQUEUED, ENQUEUED, Map.of()),
                new HistoryEntry(HistoryType.SENT, SENT, Map.of("provider", "sendgrid"))));

        Reply reply = api.get("/messages/" + DELIVERED_ID.value() + "/history?type=sent");

        assertThat(reply.at("results")).asList().hasSize(1);
        assertThat(reply.at("results.0.type")).isEqualTo("SENT");
    }

    @Test
    void theOutputIsTheRenderedContentPerChannel() {
        messages.know(delivered());
        messages.answerOutput(Map.of(Channel.EMAIL, Map.of("subject", "Your order ORD-78912", "html", "<p>Thanks, Alex</p>")));

        Reply reply = api.get("/messages/" + DELIVERED_ID.value() + "/output");

        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"results": [{"channel": "email", "channel_id": "email",
                              "content": {"subject": "Your order ORD-78912", "html": "<p>Thanks, Alex</p>", "text": "",
                                          "title": "Your order ORD-78912", "body": "", "blocks": []}}]}"""));
    }

    @Test
    void everyChannelsOutputCarriesTheFieldsCouriersContentTypeRequires() {
        messages.know(delivered());
        messages.answerOutput(Map.of(Channel.SMS, Map.of("body", "Order 1042 shipped")));

        Reply reply = api.get("/messages/" + DELIVERED_ID.value() + "/output");

        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"results": [{"channel": "sms", "channel_id": "sms",
                              "content": {"body": "Order 1042 shipped", "subject": "", "html": "", "text": "Order 1042 shipped",
                                          "title": "", "blocks": [{"type": "text", "text": "Order 1042 shipped"}]}}]}"""));
    }

    @Test
    void aCanceledMessageIsAnsweredWithItsNewState() {
        Instant canceledAt = Instant.parse("2026-03-02T10:00:00.500Z");
        cancel.answer(Message.reconstitute(DELIVERED_ID, "req-1", toAlex(), Optional.empty(), Optional.empty(), ENQUEUED,
                Optional.of(Instant.parse("2026-03-02T11:00:00Z")), Optional.empty(), MessageStatus.CANCELED, Optional.empty(),
                Optional.empty(), Optional.of("order-completed"), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(MessageStatus.ENQUEUED, ENQUEUED, MessageStatus.CANCELED, canceledAt)));

        Reply reply = api.send(asAdmin(HttpRequest.POST("/messages/" + DELIVERED_ID.value() + "/cancel", "")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(cancel.onlyCall("cancel").arguments()).containsExactly(DELIVERED_ID);
        assertThat(reply.at("status")).isEqualTo("CANCELED");
        assertThat(reply.at("canceled")).isEqualTo(Json.parse(Long.toString(canceledAt.toEpochMilli())));
        assertThat(reply.object()).doesNotContainKeys("channel", "provider", "sent");
    }

    @Test
    void aMessageAlreadySentCannotBeCanceled() {
        cancel.failWith(new ConflictException("Message 1-x was already sent"));

        Reply reply = api.send(asAdmin(HttpRequest.POST("/messages/1-x/cancel", "")));

        assertApiError(reply, 409, "conflict", "Message 1-x was already sent");
    }

    @Test
    void aResendAnswersTheNewMessagesIdAsCourierDoes() {
        resend.answer(BOUNCED_ID);

        Reply reply = api.send(asAdmin(HttpRequest.POST("/messages/" + DELIVERED_ID.value() + "/resend", "")));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(resend.onlyCall("resend").arguments()).containsExactly(DELIVERED_ID);
        assertThat(reply.object()).containsExactly(entry("message_id", BOUNCED_ID.value()));
    }

    @Test
    void anUnknownMessageCannotBeResent() {
        Reply reply = api.send(asAdmin(HttpRequest.POST("/messages/1-nope/resend", "")));

        assertApiError(reply, 404, "not_found", "No message '1-nope'");
    }
}
