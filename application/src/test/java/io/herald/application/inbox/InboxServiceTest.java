package io.herald.application.inbox;

import io.herald.application.delivery.DeliveryFixture;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.ManageInboxUseCase.Action;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.application.delivery.DeliveryFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user's inbox over messages the pipeline delivered to it: reading is an open, clicking a click, archiving neither. */
class InboxServiceTest {

    private static final UserId CASEY = UserId.of("casey");

    private final DeliveryFixture herald = DeliveryFixture.builder().inbox().build();
    private final InboxService inbox = new InboxService(herald.stores.inbox(), herald.engagement(), herald.clock);

    @AfterEach
    void stop() {
        herald.close();
    }

    private MessageId deliverToInbox(String title) {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "casey"), "content", Map.of("title", title, "body", "In app"),
                "routing", Map.of("method", "single", "channels", List.of("inbox"))));
        herald.runDueJobs();
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        return id;
    }

    @Test
    void readingAMessageMarksItReadAndOpensIt() {
        MessageId id = deliverToInbox("Hi");
        herald.clock.advance(Duration.ofMinutes(5));
        Instant readAt = herald.clock.now();

        InboxEntry read = inbox.act(CASEY, id, Action.READ);
        herald.clock.advance(Duration.ofMinutes(5));
        inbox.act(CASEY, id, Action.READ);

        assertThat(read.read()).isEqualTo(readAt);
        assertThat(herald.stores.inbox().find(CASEY, id).orElseThrow().read()).as("the first read counts").isEqualTo(readAt);
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.OPENED);
        assertThat(herald.message(id).reachedAt(MessageStatus.OPENED)).contains(readAt);
        assertThat(herald.feedbackEventNames()).containsExactly("Message Sent", "Message Opened");
    }

    @Test
    void clickingClicksItAndArchivingHidesItWithoutEngagement() {
        MessageId clicked = deliverToInbox("Click me");
        MessageId archived = deliverToInbox("Archive me");

        inbox.act(CASEY, clicked, Action.CLICK);
        InboxEntry entry = inbox.act(CASEY, archived, Action.ARCHIVE);

        assertThat(herald.message(clicked).status()).isEqualTo(MessageStatus.CLICKED);
        assertThat(entry.archived()).isEqualTo(START);
        assertThat(herald.message(archived).status()).isEqualTo(MessageStatus.SENT);
        assertThat(inbox.list(CASEY, false, Optional.empty(), 10).items()).extracting(InboxEntry::messageId).containsExactly(clicked);
        assertThat(inbox.list(CASEY, true, Optional.empty(), 10).items()).extracting(InboxEntry::messageId)
                .containsExactly(archived, clicked);
    }

    @Test
    void aMessageNotInTheUsersInboxIsNotFound() {
        MessageId id = deliverToInbox("Hi");

        assertThatThrownBy(() -> inbox.act(UserId.of("someone-else"), id, Action.READ)).isInstanceOf(NotFoundException.class)
                .hasMessage("User 'someone-else' has no inbox message '" + id + "'");
        assertThatThrownBy(() -> inbox.act(CASEY, new MessageId("msg-404"), Action.CLICK)).isInstanceOf(NotFoundException.class);
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
    }
}
