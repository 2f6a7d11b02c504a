package io.herald.application.inbox;

import io.herald.application.fakes.DirectTransactions;
import io.herald.application.fakes.InMemoryInboxRepository;
import io.herald.application.fakes.ManualInboxWakeups;
import io.herald.application.port.in.StreamInboxUseCase.InboxStream;
import io.herald.application.port.in.StreamInboxUseCase.StreamedEvent;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InboxStreamServiceTest {

    private static final UserId ALEX = UserId.of("alex");
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final InMemoryInboxRepository inbox = new InMemoryInboxRepository();
    private final ManualInboxWakeups wakeups = new ManualInboxWakeups();
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
    private final InboxStreamService streams = new InboxStreamService(inbox, wakeups, new DirectTransactions(), workers);
    private final List<StreamedEvent> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    private void deliver(String id) {
        inbox.add(new InboxEntry(new MessageId(id), ALEX, Map.of("title", "Hi " + id), NOW, null, null, null));
    }

    private List<String> types() {
        return received.stream().map(StreamedEvent::type).toList();
    }

    @Test
    void aStreamIsReadyAtOnce_thenSendsEachChangeItIsWokenFor_withItsEntryAndTheUnreadCount() {
        deliver("m-0");
        InboxStream stream = streams.open(ALEX, Optional.empty(), received::add);
        await().atMost(Duration.ofSeconds(2)).until(() -> types().equals(List.of("ready")));
        assertThat(received.get(0).unreadCount()).isEqualTo(1);

        deliver("m-1");
        wakeups.wake(ALEX);
        await().atMost(Duration.ofSeconds(2)).until(() -> types().equals(List.of("ready", "message")));
        StreamedEvent message = received.get(1);
        assertThat(message.entry().orElseThrow().content()).isEqualTo(Map.of("title", "Hi m-1"));
        assertThat(message.unreadCount()).isEqualTo(2);

        inbox.mark(ALEX, new MessageId("m-1"), "read", NOW);
        inbox.markAllRead(ALEX, NOW);
        wakeups.wake(ALEX);
        wakeups.wake(ALEX);
        await().atMost(Duration.ofSeconds(2)).until(() -> types().size() == 4);
        assertThat(types()).containsExactly("ready", "message", "read", "read-all");
        assertThat(received.get(3).unreadCount()).isZero();

        assertThat(streams.status().open()).isEqualTo(1);
        stream.close();
        stream.close();
        assertThat(streams.status().open()).as("closed once, counted once").isZero();
        deliver("m-2");
        wakeups.wake(ALEX);
        assertThat(wakeups.watching(ALEX)).isZero();
        assertThat(types()).hasSize(4);
    }

    @Test
    void aStreamOpenedWithTheLastEventIdResumesAfterIt() {
        deliver("m-1");
        deliver("m-2");
        long afterFirst = inbox.eventsAfter(ALEX, 0, 10).get(0).id();
        deliver("m-3");

        streams.open(ALEX, Optional.of(afterFirst), received::add);

        await().atMost(Duration.ofSeconds(2)).until(() -> types().size() == 3);
        assertThat(types()).containsExactly("ready", "message", "message");
        assertThat(received.stream().skip(1).map(event -> event.entry().orElseThrow().messageId().value())).containsExactly("m-2", "m-3");
    }
}
