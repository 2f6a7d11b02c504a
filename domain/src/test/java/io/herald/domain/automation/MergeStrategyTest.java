package io.herald.domain.automation;

import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergeStrategyTest {

    private static final Map<String, Object> CURRENT = Map.of("plan", "pro", "company", Map.of("name", "Acme", "size", 10));
    private static final Map<String, Object> INCOMING = Map.of("plan", "team", "company", Map.of("size", 50), "region", "eu");

    @Test
    void replaceKeepsOnlyWhatComesIn() {
        assertThat(MergeStrategy.REPLACE.apply(CURRENT, INCOMING)).isEqualTo(INCOMING);
    }

    @Test
    void overwriteMergesDeeplyAndWhatComesInWins() {
        assertThat(MergeStrategy.OVERWRITE.apply(CURRENT, INCOMING))
                .isEqualTo(Map.of("plan", "team", "company", Map.of("name", "Acme", "size", 50), "region", "eu"));
    }

    @Test
    void softMergeOnlyAddsWhatIsMissing() {
        assertThat(MergeStrategy.SOFT_MERGE.apply(CURRENT, INCOMING))
                .isEqualTo(Map.of("plan", "pro", "company", Map.of("name", "Acme", "size", 10), "region", "eu"));
    }

    @Test
    void noneChangesNothingUnlessNothingIsThere() {
        assertThat(MergeStrategy.NONE.apply(CURRENT, INCOMING)).isEqualTo(CURRENT);
        assertThat(MergeStrategy.NONE.apply(Map.of(), INCOMING)).isEqualTo(INCOMING);
    }

    @Test
    void readsCouriersNames() {
        assertThat(MergeStrategy.parse("soft-merge", "merge")).isEqualTo(MergeStrategy.SOFT_MERGE);
        assertThat(MergeStrategy.parse("Replace", "merge")).isEqualTo(MergeStrategy.REPLACE);
        assertThatThrownBy(() -> MergeStrategy.parse("deep", "steps[1].merge")).isInstanceOf(InvalidValueException.class)
                .hasMessage("steps[1].merge must be one of replace, overwrite, soft-merge, none");
    }
}
