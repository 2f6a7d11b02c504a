package io.herald.domain.json;

import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorableTextTest {

    @Test
    void ordinaryTextAndPairedSurrogatesPass() {
        assertThatCode(() -> StorableText.requireIn(Map.of("name", "Zoë 👋", "tags", List.of("a", 1, true)), "")).doesNotThrowAnyException();
    }

    @Test
    void aNulAnywhereIsNamedByItsPath() {
        assertThatThrownBy(() -> StorableText.requireIn(Map.of("batch", List.of(Map.of(), Map.of("properties", Map.of("note", "a\u0000b")))), ""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("batch[1].properties.note contains U+0000 (NUL), which cannot be stored");
    }

    @Test
    void loneSurrogatesInValuesAndKeysAreRefused() {
        assertThatThrownBy(() -> StorableText.require("x\ud800", "user_id")).hasMessage("user_id contains an unpaired surrogate (U+D800), which cannot be stored");
        assertThatThrownBy(() -> StorableText.require("\udc00", "cursor")).hasMessageContaining("U+DC00");
        assertThatThrownBy(() -> StorableText.requireIn(Map.of("traits", Map.of("bad\ud83d", 1)), ""))
                .hasMessage("a field name in traits contains an unpaired surrogate (U+D83D), which cannot be stored");
    }

    @Test
    void aTreeNestedBeyondTwoHundredLevelsIsRefusedRatherThanWalkedForEver() {
        Object deep = "leaf";
        for (int i = 0; i < 300; i++) {
            deep = List.of(deep);
        }
        Object tree = deep;
        assertThatThrownBy(() -> StorableText.requireIn(tree, "data")).hasMessageContaining("nests deeper than 200 levels");
        assertThat(StorableText.require("fine", "x")).isEqualTo("fine");
    }
}
