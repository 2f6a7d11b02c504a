package io.herald.application.contract;

import io.herald.application.port.Page;
import io.herald.application.port.out.AuditLog;
import io.herald.domain.audit.AuditEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AuditLog} must do; run against the in-memory fake and PostgreSQL. */
public abstract class AuditLogContract {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    protected abstract AuditLog emptyLog();

    @Test
    void eachEventGetsAGrowingId_isFoundByIt_andIsListedNewestFirstAPageAtATime() {
        AuditLog log = emptyLog();
        AuditEvent first = log.append(AuditEvent.of("key_0123456789ab", "api", "PUT /templates/{template_id}", "/templates/welcome", NOW));
        AuditEvent second = log.append(AuditEvent.of("user:alex", "api", "PUT /users/{user_id}/preferences/{topic_id}",
                "/users/alex/preferences/news", NOW.plusSeconds(1)));
        AuditEvent third = log.append(AuditEvent.of("key_0123456789ab", "api", "DELETE /brands/{brand_id}", "/brands/acme", NOW.plusSeconds(2)));

        assertThat(Long.parseLong(second.id())).isGreaterThan(Long.parseLong(first.id()));
        assertThat(log.find(second.id())).contains(second);
        assertThat(second.actor()).isEqualTo("user:alex");
        assertThat(log.find("999999")).isEmpty();
        assertThat(log.find("not-an-id")).isEmpty();

        Page<AuditEvent> newest = log.list(Optional.empty(), 2);
        assertThat(newest.items()).containsExactly(third, second);
        Page<AuditEvent> older = log.list(newest.cursor(), 2);
        assertThat(older.items()).containsExactly(first);
        assertThat(older.hasMore()).isFalse();
    }

    @Test
    void eventsBeforeACutoffAreDeletedABatchAtATime_oldestFirst() {
        AuditLog log = emptyLog();
        AuditEvent first = log.append(AuditEvent.of("key_a", "api", "PUT /brands/{brand_id}", "/brands/a", NOW));
        AuditEvent second = log.append(AuditEvent.of("key_a", "api", "PUT /brands/{brand_id}", "/brands/b", NOW.plusSeconds(1)));
        AuditEvent kept = log.append(AuditEvent.of("key_a", "api", "PUT /brands/{brand_id}", "/brands/c", NOW.plusSeconds(2)));

        assertThat(log.deleteBefore(NOW.plusSeconds(2), 1)).isEqualTo(1);
        assertThat(log.find(first.id())).isEmpty();
        assertThat(log.deleteBefore(NOW.plusSeconds(2), 10)).isEqualTo(1);
        assertThat(log.find(second.id())).isEmpty();
        assertThat(log.list(Optional.empty(), 10).items()).containsExactly(kept);
    }
}
