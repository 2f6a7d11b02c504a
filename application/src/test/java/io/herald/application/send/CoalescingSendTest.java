package io.herald.application.send;

import io.herald.application.errors.ConflictException;
import io.herald.application.fakes.DirectTransactions;
import io.herald.application.fakes.InMemoryBrandRepository;
import io.herald.application.fakes.InMemoryIdempotencyStore;
import io.herald.application.fakes.InMemoryListRepository;
import io.herald.application.fakes.InMemoryMessageRepository;
import io.herald.application.fakes.InMemoryTemplateRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.application.fakes.RecordingDurableScheduler;
import io.herald.application.port.in.SendMessageCommand;
import io.herald.application.port.in.SendMessageUseCase.SendResult;
import io.herald.application.port.in.SendMessageUseCase;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The send API's use case: sends without an Idempotency-Key go through group commit (stored together by
 * {@link BatchSend}); a send with a key takes its own transaction ({@code single}), where the key is claimed.
 */
class CoalescingSendTest {

    private final InMemoryMessageRepository messages = new InMemoryMessageRepository();
    private final SendService service = new SendService(messages, new InMemoryTemplateRepository(), new InMemoryBrandRepository(), new InMemoryListRepository(),
            new InMemoryIdempotencyStore(), new RecordingDurableScheduler(), new TemplateRenderer(), new DirectTransactions(),
            new MutableClock(Instant.parse("2026-12-01T10:00:00Z")));
    private final AtomicInteger singleSends = new AtomicInteger();
    private final List<Integer> batches = new CopyOnWriteArrayList<>();
    private final SendMessageUseCase single = command -> {
        singleSends.incrementAndGet();
        return service.send(command);
    };
    private final BatchSend batch = commands -> {
        batches.add(commands.size());
        return service.sendAll(commands);
    };
    private final CoalescingSend sends = new CoalescingSend(single, batch, 1, 1_000);

    @AfterEach
    void stop() {
        sends.close();
    }

    private static SendMessageCommand content(String to, Optional<String> key) {
        return new SendMessageCommand(MessageSpec.parse(Map.of("to", Map.of("email", to), "content", Map.of("title", "Hi", "body", "Hello"))),
                key, "hash-" + to);
    }

    @Test
    void aSendWithoutAKeyIsStoredByGroupCommitAndAnsweredOnceStored() {
        SendResult result = sends.send(content("a@example.org", Optional.empty()));

        assertThat(messages.find(new MessageId(result.requestId()))).hasValueSatisfying(message ->
                assertThat(message.status()).isEqualTo(MessageStatus.ENQUEUED));
        assertThat(batches).containsExactly(1);
        assertThat(singleSends).hasValue(0);
    }

    @Test
    void aSendWithAKeyTakesItsOwnTransactionAndItsRetryIsAnsweredTheSame() {
        SendResult first = sends.send(content("a@example.org", Optional.of("order-1")));
        SendResult retry = sends.send(content("a@example.org", Optional.of("order-1")));

        assertThat(retry).isEqualTo(first);
        assertThat(singleSends).hasValue(2);
        assertThat(batches).isEmpty();
        assertThatThrownBy(() -> sends.send(content("b@example.org", Optional.of("order-1")))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRefusedSendFailsItsOwnCallerWithTheRefusal() {
        SendMessageCommand unknownTemplate = new SendMessageCommand(MessageSpec.parse(Map.of("to", Map.of("email", "a@example.org"),
                "template", "nope")), Optional.empty(), "hash");

        assertThatThrownBy(() -> sends.send(unknownTemplate)).isInstanceOf(InvalidValueException.class).hasMessageContaining("'nope'");
        SendResult next = sends.send(content("b@example.org", Optional.empty()));
        assertThat(messages.find(new MessageId(next.requestId()))).isPresent();
    }
}
