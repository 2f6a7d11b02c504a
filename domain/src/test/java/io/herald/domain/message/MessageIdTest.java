package io.herald.domain.message;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdTest {

    private static final Instant AT = Instant.parse("2026-12-03T08:00:00.123Z");

    @Test
    void idsSortByTheMillisecondTheyWereMadeIn() {
        assertThat(MessageId.generate(AT)).isLessThan(MessageId.generate(AT.plusMillis(1)));
        assertThat(MessageId.generate(AT.minusSeconds(86_400 * 400))).isLessThan(MessageId.generate(AT));
    }

    @Test
    void theFirstIdOfAMomentIsAboveEveryEarlierIdAndAtOrBelowEveryLaterOne() {
        MessageId first = MessageId.firstAt(AT);
        for (int i = 0; i < 100; i++) {
            assertThat(MessageId.generate(AT.minusMillis(1))).isLessThan(first);
            assertThat(MessageId.generate(AT)).isGreaterThan(first);
            assertThat(MessageId.generate(AT.plusSeconds(3_600))).isGreaterThan(first);
        }
    }
}
