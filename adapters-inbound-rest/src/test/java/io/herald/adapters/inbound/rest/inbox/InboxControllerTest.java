package io.herald.adapters.inbound.rest.inbox;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingFake.Call;
import io.herald.adapters.inbound.rest.fakes.RecordingManageInbox;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageInboxUseCase.Action;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;
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

@MicronautTest
class InboxControllerTest extends ApiTest {

    private static final UserId ALEX = UserId.of("user_123");
    private static final MessageId MESSAGE = new MessageId("1-019ca5d1a400-0a1b2c3d4e5f6071");
    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant READ = Instant.parse("2026-03-02T09:05:00Z");

    @Inject
    RecordingManageInbox inbox;

    private static InboxEntry entry(Instant read) {
        return new InboxEntry(MESSAGE, ALEX, Map.of("title", "Your order shipped", "body", "ORD-78912 is on its way",
                "action_url", "https://example.com/orders/78912"), CREATED, read, null, null);
    }

    @Test
    void theInboxIsPagedWithArchivedMessagesOnlyWhenAsked() {
        inbox.answerList(new Page<>(List.of(entry(READ)), null));

        Reply reply = api.get("/users/user_123/inbox?archived=true&cursor=c1&limit=10");

        assertThat(inbox.calls().get(0).arguments()).containsExactly(ALEX, true, Optional.of("c1"), 10);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"paging": {"cursor": null, "more": false},
                 "messages": [{"messageId": "%s", "title": "Your order shipped", "body": "ORD-78912 is on its way",
                               "action_url": "https://example.com/orders/78912", "created": %d, "read": %d, "clicked": null,
                               "archived": null}],
                 "unread_count": 3}""".formatted(MESSAGE.value(), CREATED.toEpochMilli(), READ.toEpochMilli())));
    }

    @Test
    void byDefaultTheFirstTwentyUnarchivedMessages() {
        Reply reply = api.get("/users/user_123/inbox");

        assertThat(inbox.calls().get(0).arguments()).containsExactly(ALEX, false, Optional.empty(), 20);
        assertThat(reply.at("unread_count")).as("the badge, with the page").isEqualTo(Json.parse("3"));
    }

    @Test
    void readClickAndArchiveAreRecordedAndAnsweredWithTheEntry() {
        inbox.answerAct(entry(READ));

        Reply read = api.send(asAdmin(HttpRequest.POST("/users/user_123/inbox/" + MESSAGE.value() + "/read", "")));
        api.send(asAdmin(HttpRequest.POST("/users/user_123/inbox/" + MESSAGE.value() + "/click", "")));
        api.send(asAdmin(HttpRequest.POST("/users/user_123/inbox/" + MESSAGE.value() + "/archive", "")));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.at("read")).isEqualTo(Json.parse(Long.toString(READ.toEpochMilli())));
        assertThat(inbox.calls()).extracting(Call::arguments).containsExactly(
                List.of(ALEX, MESSAGE, Action.READ), List.of(ALEX, MESSAGE, Action.CLICK), List.of(ALEX, MESSAGE, Action.ARCHIVE));
    }

    @Test
    void aMessageNotInTheInboxIsANotFound() {
        inbox.failWith(new NotFoundException("No message '1-x' in the inbox of user 'user_123'"));

        assertApiError(api.send(asAdmin(HttpRequest.POST("/users/user_123/inbox/1-x/read", ""))), 404, "not_found",
                "No message '1-x' in the inbox of user 'user_123'");
    }

    @Test
    void aBlankUserOrALimitOverAHundredIsRefused() {
        assertBadRequest(api.get("/users/%20/inbox"), "user_id must be 1 to 512 characters");
        assertBadRequest(api.get("/users/user_123/inbox?limit=101"), "limit must be between 1 and 100");
        assertThat(inbox.calls()).isEmpty();
    }
}
