package io.herald.bootstrap.wiring;

import io.herald.application.inbox.InboxStreamService;
import io.herald.application.port.in.StreamInboxUseCase;
import io.herald.application.port.out.InboxRepository;
import io.herald.application.port.out.InboxWakeups;
import io.herald.application.port.out.Transactions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** What the people who receive Herald's messages use (DESIGN §13): the inbox streams. */
@Factory
class EndUserFactory {

    /**
     * The inbox streams' reads and heartbeats: short tasks, a few threads for every stream of the instance, since a
     * stream waits on nothing but its wake-ups.
     */
    @Singleton
    @Named("inbox-streams")
    @Bean(preDestroy = "shutdownNow")
    ScheduledExecutorService inboxStreamWorkers() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "herald-inbox-stream-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    StreamInboxUseCase streamInbox(InboxRepository inbox, InboxWakeups wakeups, Transactions transactions,
                                   @Named("inbox-streams") ScheduledExecutorService workers) {
        return new InboxStreamService(inbox, wakeups, transactions, workers);
    }
}
