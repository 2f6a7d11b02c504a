package io.herald.persistence.inbox;

import io.herald.application.port.out.InboxWakeups;
import io.herald.domain.profile.UserId;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * LISTEN on {@code herald_inbox} (where {@link JdbcInboxRepository} NOTIFYs the user id of each change it commits),
 * on one connection of the pool kept for it while anyone watches, read by one thread that wakes the watchers of the
 * user named. Every instance listens, so a change made through any of them reaches the streams open on all of them.
 * A lost connection is logged, taken again after a second, and then every watcher is woken to read what it missed.
 */
@Singleton
final class PostgresInboxWakeups implements InboxWakeups {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresInboxWakeups.class);
    private static final int POLL_MILLIS = 5_000;
    private static final long RECONNECT_MILLIS = 1_000;

    private final DataSource pool;
    private final Map<String, Set<Runnable>> watchers = new ConcurrentHashMap<>();
    private volatile Thread listener;
    private volatile boolean stopped;
    private volatile boolean heard;

    PostgresInboxWakeups(DataSource dataSource) {
        // The DataSource bean lends only the current transaction's connection; the listener keeps one of its own.
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public Watch watch(UserId userId, Runnable wake) {
        startListening();
        watchers.computeIfAbsent(userId.value(), user -> new CopyOnWriteArraySet<>()).add(wake);
        return () -> watchers.computeIfPresent(userId.value(), (user, set) -> {
            set.remove(wake);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public boolean listening() {
        return heard;
    }

    private synchronized void startListening() {
        if (listener == null && !stopped) {
            listener = new Thread(this::listen, "inbox-listen");
            listener.setDaemon(true);
            listener.start();
        }
    }

    private void listen() {
        boolean lost = false;
        while (!stopped) {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + JdbcInboxRepository.INBOX_CHANNEL);
                }
                heard = true;
                if (lost) {
                    LOG.info("Inbox streams: listening for inbox changes again; every open stream reads what it missed");
                    lost = false;
                    wakeEveryone();
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            wake(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                heard = false;
                if (stopped) {
                    return;
                }
                if (!lost) {
                    LOG.warn("Inbox streams: lost the connection listening for inbox changes ({}); open streams wait for it to come back",
                            e.toString());
                    lost = true;
                }
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void wake(String userId) {
        Set<Runnable> watching = watchers.get(userId);
        if (watching != null) {
            watching.forEach(PostgresInboxWakeups::safely);
        }
    }

    private void wakeEveryone() {
        watchers.values().forEach(set -> set.forEach(PostgresInboxWakeups::safely));
    }

    private static void safely(Runnable wake) {
        try {
            wake.run();
        } catch (RuntimeException e) {
            LOG.error("Inbox streams: a stream failed to take its wake-up: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        Thread running = listener;
        if (running != null) {
            running.interrupt();
        }
    }
}
