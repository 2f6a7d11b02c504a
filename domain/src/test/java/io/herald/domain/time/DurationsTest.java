package io.herald.domain.time;

import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    private static Duration parse(Object raw) {
        return Durations.parse(raw, "timeout");
    }

    @Test
    void aNumberIsMilliseconds() {
        assertThat(parse(1500)).isEqualTo(Duration.ofMillis(1500));
        assertThat(parse(7_200_000L)).isEqualTo(Duration.ofHours(2));
        assertThat(parse(2.0)).isEqualTo(Duration.ofMillis(2));
    }

    @Test
    void wordsNameTheirUnit() {
        assertThat(parse("2 hours")).isEqualTo(Duration.ofHours(2));
        assertThat(parse("15 minutes")).isEqualTo(Duration.ofMinutes(15));
        assertThat(parse("1 day")).isEqualTo(Duration.ofDays(1));
        assertThat(parse("30 seconds")).isEqualTo(Duration.ofSeconds(30));
        assertThat(parse("250 ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(parse("2 weeks")).isEqualTo(Duration.ofDays(14));
        assertThat(parse(" 3 Hours ")).isEqualTo(Duration.ofHours(3));
        assertThat(parse("5m")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void isoDurationsAreReadInAnyCase() {
        assertThat(parse("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThat(parse("pt90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(parse("P1D")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void refusesWhatIsNotADurationNamingTheField() {
        assertThatThrownBy(() -> parse("soon"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("timeout 'soon' is not a duration");
        assertThatThrownBy(() -> parse("P2X")).isInstanceOf(InvalidValueException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> parse("")).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("timeout");
        assertThatThrownBy(() -> parse(true)).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("timeout");
    }

    @Test
    void refusesNegativeAndFractionalAmounts() {
        assertThatThrownBy(() -> parse(-1)).isInstanceOf(InvalidValueException.class).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> parse(1.5)).isInstanceOf(InvalidValueException.class).hasMessageContaining("whole");
        assertThatThrownBy(() -> parse("PT-2H")).isInstanceOf(InvalidValueException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> parse("-2 hours")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> parse("1.5 hours")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anAmountTooLargeToHoldIsRefusedAsAnInvalidValue() {
        assertThatThrownBy(() -> parse("99999999999999999999 ms")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> parse("999999999999999999 weeks")).isInstanceOf(InvalidValueException.class);
    }
}
