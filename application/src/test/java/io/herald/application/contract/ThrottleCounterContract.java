package io.herald.application.contract;

import io.herald.application.port.out.ThrottleCounter;
import io.herald.domain.message.MessageId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ThrottleCounter} must do; run against the in-memory fake and PostgreSQL. */
public abstract class ThrottleCounterContract {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    protected abstract ThrottleCounter emptyCounter();

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    private boolean admit(ThrottleCounter counter, String key, String message, Instant at) {
        return inTransaction(() -> counter.admit(key, 3, HOUR, new MessageId(message), at));
    }

    @Test
    void aKeyLetsMaxThroughInASlidingPeriod_eachMessageCountedOnce_otherKeysApart() {
        ThrottleCounter counter = emptyCounter();
        assertThat(admit(counter, "alex-digest", "m-1", NOW)).isTrue();
        assertThat(admit(counter, "alex-digest", "m-2", NOW.plusSeconds(60))).isTrue();
        assertThat(admit(counter, "alex-digest", "m-3", NOW.plusSeconds(120))).isTrue();
        assertThat(admit(counter, "alex-digest", "m-4", NOW.plusSeconds(180))).as("the fourth in the hour").isFalse();
        assertThat(admit(counter, "alex-digest", "m-2", NOW.plusSeconds(200))).as("counted already: a retried delivery").isTrue();
        assertThat(admit(counter, "kim-digest", "m-5", NOW.plusSeconds(180))).as("another key").isTrue();

        assertThat(admit(counter, "alex-digest", "m-6", NOW.plus(HOUR))).as("the first has left the window").isTrue();
        assertThat(admit(counter, "alex-digest", "m-7", NOW.plus(HOUR).plusSeconds(30))).isFalse();
    }

    @Test
    void whatWasCountedBeforeACutoffIsForgotten() {
        ThrottleCounter counter = emptyCounter();
        admit(counter, "k", "m-1", NOW);
        admit(counter, "k", "m-2", NOW.plusSeconds(10));
        admit(counter, "k", "m-3", NOW.plus(HOUR.multipliedBy(2)));

        assertThat(inTransaction(() -> counter.forgetBefore(NOW.plus(HOUR), 1))).isEqualTo(1);
        assertThat(inTransaction(() -> counter.forgetBefore(NOW.plus(HOUR), 10))).isEqualTo(1);
        assertThat(inTransaction(() -> counter.forgetBefore(NOW.plus(HOUR), 10))).isZero();
    }
}
