package io.herald.application.contract;

import io.herald.application.port.out.NotificationChecks;
import io.herald.application.port.out.NotificationChecks.Check;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link NotificationChecks} must do; run against the in-memory fake and PostgreSQL. */
public abstract class NotificationChecksContract {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    protected abstract NotificationChecks emptyChecks();

    @Test
    void checksAreSetPerSubmission_andAnyNotResolvedHoldsTheTemplate() {
        NotificationChecks checks = emptyChecks();
        checks.put("nt_1", "sub-1", List.of(new Check("legal", "PENDING", "custom", NOW), new Check("brand", "RESOLVED", "custom", NOW)));
        assertThat(checks.anyUnresolved("nt_1")).isTrue();
        assertThat(checks.anyUnresolved("nt_2")).isFalse();

        List<Check> after = checks.put("nt_1", "sub-1", List.of(new Check("legal", "RESOLVED", "custom", NOW.plusSeconds(1))));
        assertThat(after).extracting(Check::id, Check::status).containsExactly(
                org.assertj.core.api.Assertions.tuple("brand", "RESOLVED"), org.assertj.core.api.Assertions.tuple("legal", "RESOLVED"));
        assertThat(after.get(1).updated()).isEqualTo(NOW.plusSeconds(1));
        assertThat(checks.anyUnresolved("nt_1")).isFalse();

        checks.put("nt_1", "sub-2", List.of(new Check("legal", "FAILED", "custom", NOW)));
        assertThat(checks.anyUnresolved("nt_1")).isTrue();
        assertThat(checks.delete("nt_1", "sub-2")).isTrue();
        assertThat(checks.delete("nt_1", "sub-2")).isFalse();
        assertThat(checks.of("nt_1", "sub-2")).isEmpty();
        assertThat(checks.anyUnresolved("nt_1")).isFalse();
    }
}
