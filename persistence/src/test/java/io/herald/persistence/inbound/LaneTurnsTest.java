package io.herald.persistence.inbound;

import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.InboundEventLog.LaneTurn;
import io.herald.application.port.out.InboundEventLog.NewInboundEvent;
import io.herald.persistence.support.PostgresTest;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Lane turns on PostgreSQL: a turn locks only the lanes it takes, and concurrent turns take different lanes. */
@MicronautTest(startApplication = false, transactional = false)
class LaneTurnsTest implements PostgresTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Inject
    InboundEventLog log;

    @Inject
    TransactionOperations<Connection> transactions;

    @BeforeEach
    void backlogOfManyUsers() {
        SharedPostgres.truncateAllTables();
        log.appendNew(IntStream.range(0, 200).mapToObj(user -> new NewInboundEvent("e-" + user, "test", "identify", "identify",
                "user-" + user, Map.of("messageId", "e-" + user), NOW)).toList());
    }

    @Test
    void aTurnLocksTheLanesItTakesAndNoOther() {
        int[] lanesLocked = new int[1];
        LaneTurn turn = transactions.executeWrite(status -> {
            LaneTurn taken = log.takeDueLanes(4, 0, NOW);
            lanesLocked[0] = advisoryLocksHeld(status.getConnection());
            return taken;
        });

        assertThat(turn.due()).as("200 users fill every lane").isEqualTo(InboundEventLog.LANES);
        assertThat(turn.taken()).as("tried from lane 0 on").containsExactly(0, 1, 2, 3);
        assertThat(lanesLocked[0]).as("advisory locks held: the shared one of older versions, and one per lane taken").isEqualTo(1 + 4);
    }

    @Test
    void aTurnWhileAnotherHoldsLanesTakesOthersAndLocksNothingTwice() throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<Integer>> first = CompletableFuture.supplyAsync(() -> transactions.executeWrite(status -> {
            List<Integer> lanes = log.takeDueLanes(4, 0, NOW).taken();
            taken.countDown();
            await(release);
            return lanes;
        }));
        assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();

        List<Integer> second = transactions.executeWrite(status -> log.takeDueLanes(4, 0, NOW).taken());
        List<Long> firstLanesEvents = transactions.executeWrite(status -> log.pendingIds(List.of(0, 1, 2, 3), 500, NOW));
        boolean canTakeTheirEvents = transactions.executeWrite(status -> log.tryTakeLanesOf(firstLanesEvents));
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(0, 1, 2, 3);
        assertThat(second).as("starting from the same lane, the next free ones").containsExactly(4, 5, 6, 7);
        assertThat(canTakeTheirEvents).as("events of a lane another turn holds").isFalse();
    }

    private static int advisoryLocksHeld(Connection connection) {
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
