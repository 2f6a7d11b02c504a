package io.herald.persistence.durable;

import io.herald.application.port.out.DeliveryLooks;
import io.herald.application.port.out.DeliveryLooks.Taken;
import io.herald.application.port.out.DurableScheduler;
import io.herald.domain.delivery.Backoff;
import io.herald.domain.message.MessageId;
import io.herald.persistence.support.PostgresTest;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delivery queue on PostgreSQL: what a turn takes, what it skips, and what it leaves when it does not commit. */
@MicronautTest(startApplication = false, transactional = false)
class DeliveryLooksTest implements PostgresTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final MessageId FIRST = new MessageId("m-1");
    private static final MessageId SECOND = new MessageId("m-2");
    private static final MessageId LATER = new MessageId("m-later");

    @Inject
    DurableScheduler scheduler;

    @Inject
    DeliveryLooks looks;

    @Inject
    TransactionOperations<Connection> transactions;

    @BeforeEach
    void threeMessages() throws SQLException {
        SharedPostgres.truncateAllTables();
        try (Connection connection = SharedPostgres.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO messages (message_id, request_id, recipient, status, spec, enqueued_at, updated_at)
                     VALUES (?, 'r-1', 'someone@example.org', 'ENQUEUED', '{}', now(), now())""")) {
            for (MessageId id : List.of(FIRST, SECOND, LATER)) {
                insert.setString(1, id.value());
                insert.executeUpdate();
            }
        }
    }

    @Test
    void aTurnTakesDueLooksInDueOrderOnceEachAndLeavesTheRest() {
        scheduler.deliver(List.of(SECOND), NOW.minusSeconds(1));
        scheduler.deliver(List.of(FIRST), NOW.minusSeconds(2));
        scheduler.deliver(List.of(FIRST), NOW.minusSeconds(2));   // the same look again: stored once
        scheduler.deliver(List.of(FIRST), NOW);
        scheduler.deliver(List.of(LATER), NOW.plusSeconds(10));

        Taken taken = transactions.executeWrite(status -> looks.takeDue(NOW, 10));

        assertThat(taken.messages()).containsExactly(FIRST, SECOND);
        assertThat(taken.looks()).isEqualTo(3);
        assertThat(remaining()).containsExactly("m-later");
    }

    @Test
    void aTurnThatDoesNotCommitLeavesWhatItTookDue() {
        scheduler.deliver(List.of(FIRST, SECOND), NOW);

        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            looks.takeDue(NOW, 10);
            throw new IllegalStateException("the turn failed");
        })).hasMessage("the turn failed");

        assertThat(remaining()).containsExactly("m-1", "m-2");
    }

    @Test
    void aTurnSkipsLooksAnotherTurnHoldsAndMessagesAnotherTransactionHolds() throws Exception {
        scheduler.deliver(List.of(FIRST), NOW.minusSeconds(2));
        scheduler.deliver(List.of(SECOND), NOW.minusSeconds(1));
        scheduler.deliver(List.of(LATER), NOW);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Taken> first = CompletableFuture.supplyAsync(() -> transactions.executeWrite(status -> {
            Taken taken = looks.takeDue(NOW, 1);
            holding.countDown();
            await(release);
            return taken;
        }));
        CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> transactions.executeWrite(status -> {
            try (PreparedStatement lock = status.getConnection().prepareStatement("SELECT 1 FROM messages WHERE message_id = 'm-2' FOR UPDATE");
                 ResultSet unused = lock.executeQuery()) {
                await(release);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);   // the second transaction holds m-2 by now

        Taken second = transactions.executeWrite(status -> looks.takeDue(NOW, 10));
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).messages()).containsExactly(FIRST);
        cancel.get(10, TimeUnit.SECONDS);
        assertThat(second.messages()).as("neither waits: m-1's look is taken, m-2 is locked").containsExactly(LATER);
        assertThat(remaining()).containsExactly("m-2");
    }

    @Test
    void aPostponedLookIsOneLookAfterABackoffThatGrowsWithEachFailure() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10));
        scheduler.deliver(List.of(FIRST), NOW.minusSeconds(2));
        scheduler.deliver(List.of(FIRST), NOW.minusSeconds(1));
        scheduler.deliver(List.of(FIRST), NOW.plusSeconds(3600));   // a later look (an escalation check) stays

        int failures = transactions.executeWrite(status -> looks.postpone(FIRST, NOW, backoff));

        assertThat(failures).isEqualTo(1);
        List<Instant> due = dueTimes();
        assertThat(due).hasSize(2);
        assertThat(due.get(0)).isBetween(NOW, NOW.plusSeconds(1));
        assertThat(due.get(1)).isEqualTo(NOW.plusSeconds(3600));

        Instant retry = due.get(0);
        int again = transactions.executeWrite(status -> looks.postpone(FIRST, retry, backoff));
        assertThat(again).isEqualTo(2);
        assertThat(dueTimes().get(0)).isBetween(retry, retry.plusSeconds(2));
        assertThat(transactions.executeWrite(status -> looks.takeDue(NOW.plusSeconds(5), 10)).messages())
                .as("a look that goes through ends the run of failures").containsExactly(FIRST);
    }

    @Test
    void takingNeedsATransaction() {
        assertThatThrownBy(() -> looks.takeDue(NOW, 10)).isInstanceOf(RuntimeException.class);
    }

    private static List<String> remaining() {
        return query("SELECT message_id FROM delivery_looks ORDER BY due_at, message_id", row -> row.getString(1));
    }

    private static List<Instant> dueTimes() {
        return query("SELECT due_at FROM delivery_looks ORDER BY due_at", row -> row.getTimestamp(1).toInstant());
    }

    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> query(String sql, Column<T> column) {
        try (Connection connection = SharedPostgres.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<T> values = new ArrayList<>();
            while (rows.next()) {
                values.add(column.read(rows));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
