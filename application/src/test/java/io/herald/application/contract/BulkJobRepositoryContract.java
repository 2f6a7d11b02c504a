package io.herald.application.contract;

import io.herald.application.port.Page;
import io.herald.application.port.out.BulkJobRepository;
import io.herald.domain.bulk.BulkJob;
import io.herald.domain.bulk.BulkStatus;
import io.herald.domain.bulk.BulkUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link BulkJobRepository} must do; run against the in-memory fake and PostgreSQL. */
public abstract class BulkJobRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    protected abstract BulkJobRepository emptyRepository();

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    @Test
    void usersAreKeptInTheOrderAdded_pagedByWhatIsPending_andTheirOutcomesCounted() {
        BulkJobRepository jobs = emptyRepository();
        BulkJob job = new BulkJob("bulk-1", Map.of("event", "Welcome", "data", Map.of("plan", "pro")), BulkStatus.CREATED, 0, 0, 0, NOW);
        jobs.create(job);
        jobs.addUsers("bulk-1", List.of(Map.of("recipient", "a"), Map.of("recipient", "b")));
        jobs.addUsers("bulk-1", List.of(Map.of("recipient", "c", "data", Map.of("n", 3))));

        assertThat(jobs.find("bulk-1").orElseThrow().received()).isEqualTo(3);
        assertThat(jobs.find("bulk-1").orElseThrow().definition()).isEqualTo(job.definition());
        List<BulkUser> first = jobs.pendingAfter("bulk-1", 0, 2);
        assertThat(first).extracting(user -> user.user().get("recipient")).containsExactly("a", "b");
        assertThat(first.get(0).seq()).isLessThan(first.get(1).seq());

        inTransaction(() -> {
            assertThat(jobs.lock("bulk-1")).isPresent();
            jobs.setStatus("bulk-1", BulkStatus.PROCESSING);
            jobs.recordOutcomes("bulk-1", List.of(
                    new BulkUser(first.get(0).seq(), first.get(0).user(), BulkUser.Status.ENQUEUED, Optional.of("msg-a"), Optional.empty()),
                    new BulkUser(first.get(1).seq(), first.get(1).user(), BulkUser.Status.ERROR, Optional.empty(), Optional.of("no address"))));
            return null;
        });
        BulkJob counted = jobs.find("bulk-1").orElseThrow();
        assertThat(counted.status()).isEqualTo(BulkStatus.PROCESSING);
        assertThat(counted.enqueued()).isEqualTo(1);
        assertThat(counted.failures()).isEqualTo(1);
        assertThat(jobs.pendingAfter("bulk-1", 0, 10)).extracting(user -> user.user().get("recipient")).containsExactly("c");
        assertThat(jobs.pendingAfter("bulk-1", 0, 10).get(0).user()).isEqualTo(Map.of("recipient", "c", "data", Map.of("n", 3)));

        Page<BulkUser> page = jobs.users("bulk-1", Optional.empty(), 2);
        assertThat(page.items()).extracting(BulkUser::status).containsExactly(BulkUser.Status.ENQUEUED, BulkUser.Status.ERROR);
        assertThat(page.items().get(0).messageId()).contains("msg-a");
        assertThat(page.items().get(1).error()).contains("no address");
        assertThat(jobs.users("bulk-1", page.cursor(), 2).items()).extracting(BulkUser::status).containsExactly(BulkUser.Status.PENDING);
        assertThat(jobs.find("bulk-2")).isEmpty();
    }
}
