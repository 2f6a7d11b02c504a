package io.herald.domain.json;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTreesTest {

    @Test
    void deepMergeMergesObjectsAndReplacesEverythingElse() {
        Map<String, Object> target = Map.of(
                "name", "Alex",
                "address", Map.of("city", "Lisbon", "zip", "1000"),
                "tags", List.of("a", "b"));
        Map<String, Object> changes = Map.of(
                "address", Map.of("zip", "2000", "country", "PT"),
                "tags", List.of("c"),
                "plan", "pro");

        Map<String, Object> merged = JsonTrees.deepMerge(target, changes);

        assertThat(merged).isEqualTo(Map.of(
                "name", "Alex",
                "address", Map.of("city", "Lisbon", "zip", "2000", "country", "PT"),
                "tags", List.of("c"),
                "plan", "pro"));
        assertThat(target.get("address")).isEqualTo(Map.of("city", "Lisbon", "zip", "1000"));
    }

    @Test
    void anExplicitNullReplacesAValue() {
        var changes = new java.util.HashMap<String, Object>();
        changes.put("plan", null);

        assertThat(JsonTrees.deepMerge(Map.of("plan", "pro"), changes)).containsEntry("plan", null);
    }
}
