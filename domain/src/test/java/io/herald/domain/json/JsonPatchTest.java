package io.herald.domain.json;

import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPatchTest {

    private static Map<String, Object> op(String op, String path, Object value) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("op", op);
        operation.put("path", path);
        operation.put("value", value);
        return operation;
    }

    private static Map<String, Object> from(String op, String from, String path) {
        return Map.of("op", op, "from", from, "path", path);
    }

    private static Map<String, Object> doc() {
        Map<String, Object> address = new LinkedHashMap<>(Map.of("city", "Lisbon"));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", "Alex");
        document.put("tags", new ArrayList<>(List.of("a", "b")));
        document.put("address", address);
        return document;
    }

    @Test
    void addSetsAMemberAndInsertsIntoArrays() {
        var patched = JsonPatch.of(List.of(
                op("add", "/plan", "pro"),
                op("add", "/tags/1", "x"),
                op("add", "/tags/-", "z"),
                op("add", "/address/zip", "1000-001"))).applyTo(doc());

        assertThat(patched).containsEntry("plan", "pro");
        assertThat(patched.get("tags")).isEqualTo(List.of("a", "x", "b", "z"));
        assertThat(patched.get("address")).isEqualTo(Map.of("city", "Lisbon", "zip", "1000-001"));
    }

    @Test
    void removeReplaceMoveCopyAndTest() {
        var patched = JsonPatch.of(List.of(
                Map.of("op", "remove", "path", "/tags/0"),
                op("replace", "/name", "Alex Chen"),
                from("move", "/address/city", "/city"),
                from("copy", "/name", "/display_name"),
                op("test", "/city", "Lisbon"))).applyTo(doc());

        assertThat(patched).containsEntry("name", "Alex Chen").containsEntry("display_name", "Alex Chen")
                .containsEntry("city", "Lisbon");
        assertThat(patched.get("tags")).isEqualTo(List.of("b"));
        assertThat(patched.get("address")).isEqualTo(Map.of());
    }

    @Test
    void escapedPointerTokensAddressKeysWithSlashesAndTildes() {
        var patched = JsonPatch.of(List.of(op("add", "/a~1b", 1), op("add", "/m~0n", 2))).applyTo(Map.of());

        assertThat(patched).containsEntry("a/b", 1).containsEntry("m~n", 2);
    }

    @Test
    void testComparesNumbersByValue() {
        Map<String, Object> document = new LinkedHashMap<>(Map.of("count", 1));

        assertThat(JsonPatch.of(List.of(op("test", "/count", 1.0))).applyTo(document)).containsEntry("count", 1);
    }

    @Test
    void aFailingOperationLeavesTheDocumentUntouchedAndNamesItsIndex() {
        Map<String, Object> original = doc();
        var patch = JsonPatch.of(List.of(op("replace", "/name", "changed"), op("test", "/name", "Alex")));

        assertThatThrownBy(() -> patch.applyTo(original))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("patch[1]").hasMessageContaining("test failed");
        assertThat(original).containsEntry("name", "Alex");
    }

    @Test
    void refusesOperationsOnMissingTargets() {
        assertThatThrownBy(() -> JsonPatch.of(List.of(Map.of("op", "remove", "path", "/nope"))).applyTo(doc()))
                .hasMessageContaining("patch[0]").hasMessageContaining("no value");
        assertThatThrownBy(() -> JsonPatch.of(List.of(op("replace", "/nope", 1))).applyTo(doc()))
                .hasMessageContaining("no value");
        assertThatThrownBy(() -> JsonPatch.of(List.of(op("add", "/missing/child", 1))).applyTo(doc()))
                .hasMessageContaining("no value at /missing");
        assertThatThrownBy(() -> JsonPatch.of(List.of(op("add", "/tags/5", "x"))).applyTo(doc()))
                .hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> JsonPatch.of(List.of(op("add", "/tags/01", "x"))).applyTo(doc()))
                .hasMessageContaining("not an array index");
        assertThatThrownBy(() -> JsonPatch.of(List.of(from("move", "/address", "/address/inner"))).applyTo(doc()))
                .hasMessageContaining("into itself");
    }

    @Test
    void refusesMalformedOperations() {
        assertThatThrownBy(() -> JsonPatch.of(List.of(Map.of("op", "merge", "path", "/a"))))
                .hasMessageContaining("patch[0].op");
        assertThatThrownBy(() -> JsonPatch.of(List.of(Map.of("op", "add", "path", "/a"))))
                .hasMessageContaining("patch[0].value is required");
        assertThatThrownBy(() -> JsonPatch.of(List.of(Map.of("op", "add", "value", 1))))
                .hasMessageContaining("patch[0].path");
        assertThatThrownBy(() -> JsonPatch.of(List.of(Map.of("op", "copy", "path", "/a"))))
                .hasMessageContaining("patch[0].from is required");
        assertThatThrownBy(() -> JsonPatch.of(List.of(op("add", "no-slash", 1))))
                .hasMessageContaining("must be empty or start with '/'");
        assertThatThrownBy(() -> JsonPatch.of(List.of("not an object")))
                .hasMessageContaining("patch[0] must be an object");
        assertThatThrownBy(() -> JsonPatch.of(null)).hasMessageContaining("array");
    }

    @Test
    void theRootMustStayAnObject() {
        assertThatThrownBy(() -> JsonPatch.of(List.of(op("replace", "", List.of()))).applyTo(doc()))
                .hasMessageContaining("JSON object at the root");
        assertThat(JsonPatch.of(List.of(op("replace", "", Map.of("only", true)))).applyTo(doc()))
                .isEqualTo(Map.of("only", true));
    }
}
