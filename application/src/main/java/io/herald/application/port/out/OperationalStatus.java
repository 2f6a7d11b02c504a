package io.herald.application.port.out;

import java.time.Duration;
import java.time.Instant;

/** What the database says about Herald's state: whether it answers, and how much durable work is overdue. */
public interface OperationalStatus {

    boolean databaseAnswers();

    /** Durable work due at {@code now} that no instance has started yet. */
    Backlog backlog(Instant now);

    /** @param oldestDueAge how long the oldest of them has been due (zero when none) */
    record Backlog(long due, Duration oldestDueAge) {
    }
}
