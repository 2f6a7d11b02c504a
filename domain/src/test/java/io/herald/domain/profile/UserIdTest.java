package io.herald.domain.profile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserIdTest {

    @Test
    void keepsTheCallersValueVerbatim() {
        assertThat(UserId.of(" user_123 ").value()).isEqualTo(" user_123 ");
    }

    @Test
    void refusesBlankAndOverlongIds() {
        assertThatThrownBy(() -> UserId.of(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> UserId.of("x".repeat(513))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512");
        assertThatThrownBy(() -> UserId.of(null)).isInstanceOf(NullPointerException.class);
    }
}
