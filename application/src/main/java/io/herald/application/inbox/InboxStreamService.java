package io.herald.application.inbox;

import io.herald.application.port.in.StreamInboxUseCase;
import io.herald.application.port.out.InboxRepository;
import io.herald.application.port.out.InboxRepository.InboxEvent;
import io.herald.application.port.out.InboxWakeups;
import io.herald.application.port.out.Transactions;
import io.herald.domain.profile.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Each stream keeps the id of the last event it sent. A wake-up (a change committed for its user, on any instance)
 * or a heartbeat makes it read the events after that id and send them, in order; reads of one stream never overlap,
 * and a wake-up that comes during a read makes it read once more after. So a stream sends every event once and in
 * order, whether it was woken for it or found it on the next heartbeat. The work runs on {@code workers}, never on
 * the caller's thread.
 */
public final class InboxStreamService implements StreamInboxUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(InboxStreamService.class);
    private static final int READ_BATCH = 100;

    private final InboxRepository inbox;
    private final InboxWakeups wakeups;
    private final Transactions transactions;
    private final ScheduledExecutorService workers;
    private final AtomicInteger open = new AtomicInteger();

    public InboxStreamService(InboxRepository inbox, InboxWakeups wakeups, Transactions transactions, ScheduledExecutorService workers) {
        this.inbox = inbox;
        this.wakeups = wakeups;
        this.transactions = transactions;
        this.workers = workers;
    }

    @Override
    public InboxStream open(UserId userId, Optional<Long> lastEventId, Consumer<StreamedEvent> out) {
        Stream stream = new Stream(userId, out);
        open.incrementAndGet();
        stream.watch = wakeups.watch(userId, stream::wake);
        workers.execute(() -> stream.start(lastEventId));
        stream.heartbeat = workers.scheduleAtFixedRate(stream::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        return stream;
    }

    @Override
    public StreamsStatus status() {
        return new StreamsStatus(open.get(), wakeups.listening());
    }

    private final class Stream implements InboxStream {

        private final UserId userId;
        private final Consumer<StreamedEvent> out;
        private final AtomicBoolean reading = new AtomicBoolean();
        private final AtomicBoolean again = new AtomicBoolean();
        private volatile boolean closed;
        private volatile boolean started;
        private long position;
        private InboxWakeups.Watch watch;
        private ScheduledFuture<?> heartbeat;

        Stream(UserId userId, Consumer<StreamedEvent> out) {
            this.userId = userId;
            this.out = out;
        }

        void start(Optional<Long> lastEventId) {
            try {
                long[] state = transactions.inTransaction(() -> new long[] {
                        lastEventId.orElseGet(() -> inbox.latestEventId(userId)), inbox.unreadCount(userId)});
                synchronized (this) {
                    position = state[0];
                    send(new StreamedEvent("ready", Optional.empty(), Optional.empty(), state[1]));
                    started = true;
                }
                wake();
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        /** Hands a read to the workers, or asks the read under way to go once more. */
        void wake() {
            if (closed || !started) {
                return;
            }
            again.set(true);
            if (reading.compareAndSet(false, true)) {
                workers.execute(this::readWhileWoken);
            }
        }

        private void readWhileWoken() {
            try {
                while (again.getAndSet(false) && !closed) {
                    readAll();
                }
            } catch (RuntimeException e) {
                fail(e);
            } finally {
                reading.set(false);
            }
            if (again.get() && !closed && reading.compareAndSet(false, true)) {
                workers.execute(this::readWhileWoken);
            }
        }

        private synchronized void readAll() {
            List<StreamedEvent> batch;
            do {
                long after = position;
                batch = transactions.inTransaction(() -> {
                    List<InboxEvent> events = inbox.eventsAfter(userId, after, READ_BATCH);
                    if (events.isEmpty()) {
                        return List.of();
                    }
                    long unread = inbox.unreadCount(userId);
                    return events.stream().map(event -> new StreamedEvent(event.type(), Optional.of(event),
                            event.messageId().flatMap(id -> inbox.find(userId, id)), unread)).toList();
                });
                for (StreamedEvent event : batch) {
                    if (closed) {
                        return;
                    }
                    send(event);
                    position = event.event().orElseThrow().id();
                }
            } while (batch.size() == READ_BATCH);
        }

        private void beat() {
            if (closed || !started) {
                return;
            }
            synchronized (this) {
                send(new StreamedEvent("heartbeat", Optional.empty(), Optional.empty(), -1));
            }
            // A wake-up lost while the listener was reconnecting is made good here.
            wake();
        }

        private void send(StreamedEvent event) {
            if (!closed) {
                out.accept(event);
            }
        }

        private void fail(RuntimeException e) {
            LOG.warn("Inbox stream of {}: could not read its inbox ({}); the stream ends and the client reconnects", userId, e.toString());
            send(new StreamedEvent("error", Optional.empty(), Optional.empty(), -1));
            close();
        }

        @Override
        public void close() {
            if (!closed) {
                open.decrementAndGet();
            }
            closed = true;
            if (watch != null) {
                watch.close();
            }
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
        }
    }
}
