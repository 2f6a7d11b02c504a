package io.herald.application.message;

import io.herald.application.delivery.DeliveryFixture;
import io.herald.application.delivery.ScriptedSender;
import io.herald.application.errors.ConflictException;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.QueryMessagesUseCase.Leg;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.HistoryType;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.herald.application.delivery.DeliveryFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Messages API's reads and cancel, over messages the pipeline delivered. */
class MessageServiceTest {

    private final ScriptedSender sendGrid = ScriptedSender.local("sendgrid", Channel.EMAIL);
    private final ScriptedSender postmark = ScriptedSender.local("postmark", Channel.EMAIL);
    private final DeliveryFixture herald = DeliveryFixture.builder().channel(Channel.EMAIL, sendGrid, postmark).build();
    private final MessageService service = herald.messages();

    MessageServiceTest() {
        herald.profile("alex", Map.of("email", "alex@example.org"));
        herald.profile("bo", Map.of("email", "bo@example.org"));
    }

    @AfterEach
    void stop() {
        herald.close();
    }

    private MessageId send(String user, Map<String, Object> extra) {
        Map<String, Object> message = new HashMap<>(Map.of("to", Map.of("user_id", user),
                "content", Map.of("title", "Hi {{name}}", "body", "Hello"), "data", Map.of("name", user)));
        message.putAll(extra);
        return herald.send(message);
    }

    private static MessageQuery query(Optional<String> recipient, Optional<MessageStatus> status, Optional<String> cursor, int limit) {
        return new MessageQuery(recipient, status, Optional.empty(), Optional.empty(), cursor, limit);
    }

    @Test
    void aDeliveredMessageShowsItsStatusHistoryOutputAndTheProvidersItWasTriedOn() {
        sendGrid.answers(new DeliveryResult.PermanentFailure("400 invalid address", 400));
        MessageId id = send("alex", Map.of());
        herald.runDueJobs();

        Message message = service.find(id);
        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        assertThat(service.history(id)).extracting(HistoryEntry::type).endsWith(HistoryType.PROVIDER_ERROR, HistoryType.SENT);
        assertThat(service.output(id)).isEqualTo(Map.of(Channel.EMAIL, Map.of("subject", "Hi alex", "text", "Hello",
                "html", "<p>Hello</p>")));
        assertThat(service.legs(id)).containsExactlyInAnyOrder(new Leg(Channel.EMAIL, "sendgrid", 1, "PERMANENT", START),
                new Leg(Channel.EMAIL, "postmark", 1, "SENT", START));
    }

    @Test
    void unknownMessagesAreNotFound() {
        MessageId unknown = new MessageId("msg-404");

        assertThatThrownBy(() -> service.find(unknown)).isInstanceOf(NotFoundException.class).hasMessage("No message 'msg-404'");
        assertThatThrownBy(() -> service.history(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.output(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.cancel(unknown)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void messagesAreListedNewestFirstByRecipientAndStatusAPageAtATime() {
        MessageId first = send("alex", Map.of());
        MessageId second = send("alex", Map.of());
        MessageId other = send("bo", Map.of());
        MessageId later = send("alex", Map.of("delay", Map.of("duration", 60_000)));
        herald.runDueJobs();

        Page<Message> page = service.list(query(Optional.of("alex"), Optional.of(MessageStatus.SENT), Optional.empty(), 1));
        assertThat(page.items()).extracting(Message::id).containsExactly(second);
        assertThat(page.hasMore()).isTrue();
        Page<Message> next = service.list(query(Optional.of("alex"), Optional.of(MessageStatus.SENT), page.cursor(), 1));
        assertThat(next.items()).extracting(Message::id).containsExactly(first);
        assertThat(next.hasMore()).isFalse();
        assertThat(service.list(query(Optional.empty(), Optional.of(MessageStatus.DELAYED), Optional.empty(), 10)).items())
                .extracting(Message::id).containsExactly(later);
        assertThat(service.list(query(Optional.of("bo"), Optional.empty(), Optional.empty(), 10)).items())
                .extracting(Message::id).containsExactly(other);
    }

    @Test
    void aMessageNotSentYetIsCanceledAndItsDeliveryJobThenDoesNothing() {
        MessageId id = send("alex", Map.of("delay", Map.of("duration", 60_000)));

        Message canceled = service.cancel(id);

        assertThat(canceled.status()).isEqualTo(MessageStatus.CANCELED);
        assertThat(service.find(id).reachedAt(MessageStatus.CANCELED)).contains(START);
        assertThat(service.history(id)).extracting(HistoryEntry::type)
                .containsExactly(HistoryType.ENQUEUED, HistoryType.DELAYED, HistoryType.CANCELED);
        assertThatThrownBy(() -> service.cancel(id)).isInstanceOf(ConflictException.class)
                .hasMessage("Message 'msg-1' is CANCELED and can no longer be canceled");

        herald.clock.advance(Duration.ofMinutes(1));
        herald.runDueJobs();
        assertThat(service.find(id).status()).isEqualTo(MessageStatus.CANCELED);
        assertThat(sendGrid.calls()).isZero();
    }

    @Test
    void aSentMessageCannotBeCanceled() {
        MessageId id = send("alex", Map.of());
        herald.runDueJobs();

        assertThatThrownBy(() -> service.cancel(id)).isInstanceOf(ConflictException.class)
                .hasMessage("Message '" + id + "' is SENT and can no longer be canceled");
        assertThat(service.history(id)).extracting(HistoryEntry::type).doesNotContain(HistoryType.CANCELED);
    }
}
