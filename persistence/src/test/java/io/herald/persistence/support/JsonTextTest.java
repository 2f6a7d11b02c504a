package io.herald.persistence.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming codec against the generic serde mapper it replaced for JSON trees: the same trees, the same text. */
@MicronautTest(startApplication = false)
class JsonTextTest {

    @Inject
    JsonMapper mapper;

    @ParameterizedTest
    @ValueSource(strings = {"identify.json", "identify-channels.json", "track.json", "track-order-completed.json", "group.json", "batch.json"})
    void readsSegmentEventsAsTheGenericMapperDoesAndWritesThemBackTheSame(String fixture) throws IOException {
        String text = fixture(fixture);

        Object ours = JsonText.read(text);
        Object generic = mapper.readValue(text, Argument.OBJECT_ARGUMENT);

        assertThat(ours).isEqualTo(generic);
        assertThat(JsonText.write(ours)).contains(mapper.writeValueAsString(generic));
    }

    @Test
    void keepsNumberTypesOrderEscapesAndNulls() throws IOException {
        String text = "{\"z\":1,\"a\":2147483648,\"big\":123456789012345678901234567890,\"f\":0.1,\"e\":1.5e3,"
                + "\"s\":\"line\\nbreak \\\"quoted\\\" \\u00e9 \\ud83d\\ude00\",\"n\":null,\"t\":true,\"l\":[1,[],{}]}";

        Object tree = JsonText.read(text);

        assertThat(tree).isEqualTo(mapper.readValue(text, Argument.OBJECT_ARGUMENT));
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) tree;
        assertThat(object.keySet()).containsExactly("z", "a", "big", "f", "e", "s", "n", "t", "l");
        assertThat(object.get("z")).isEqualTo(1);
        assertThat(object.get("a")).isEqualTo(2_147_483_648L);
        assertThat(object.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(object.get("f")).isEqualTo(0.1);
        assertThat(object.get("s")).isEqualTo("line\nbreak \"quoted\" é 😀");
        assertThat(JsonText.read(JsonText.write(tree).orElseThrow())).isEqualTo(tree);
    }

    @Test
    void writesEveryKindOfNumberAndCollectionAsTheGenericMapperDoes() throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("int", 7);
        tree.put("long", 9_000_000_000L);
        tree.put("double", 2.5);
        tree.put("decimal", new BigDecimal("19.99"));
        tree.put("list", new ArrayList<>(List.of("a", Map.of("b", false))));
        tree.put("set", new java.util.LinkedHashSet<>(List.of(1, 2)));
        tree.put("none", null);

        assertThat(JsonText.write(tree)).contains(mapper.writeValueAsString(tree));
    }

    @Test
    void leavesAnythingButATreeToTheCaller() {
        assertThat(JsonText.write(Map.of("at", Instant.EPOCH))).isEmpty();
        assertThat(JsonText.write(Map.of(1, "not a text key"))).isEmpty();
        assertThat(JsonText.write(Optional.of("x"))).isEmpty();
    }

    @Test
    void refusesWhatIsNotOneJsonValue() {
        assertThatThrownBy(() -> JsonText.read("{\"a\":1} {")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonText.read("")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonText.read("{\"a\":")).isInstanceOf(IOException.class);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = JsonTextTest.class.getResourceAsStream("/fixtures/segment/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
