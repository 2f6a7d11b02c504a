package io.herald.adapters.inbound.segment;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event's weight against Segment's 32 KB is counted on its tree: exactly what Jackson writes for it to bytes, as
 * when each event was written out to be measured.
 */
@MicronautTest(startApplication = false)
class SegmentLimitsTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper WRITER = new com.fasterxml.jackson.databind.ObjectMapper();

    @Inject
    JsonMapper json;

    @ParameterizedTest
    @ValueSource(strings = {"/fixtures/segment/identify.json", "/fixtures/segment/track-order-completed.json", "/fixtures/segment/batch.json",
        "/fixtures/segment/group.json"})
    void countsAFixtureAsItsWrittenSize(String fixture) throws IOException {
        try (InputStream in = SegmentLimitsTest.class.getResourceAsStream(fixture)) {
            assertThat(in).isNotNull();
            assertCountedAsWritten(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"quote\":\"say \\\"hi\\\" \\\\ back\",\"controls\":\"a\\nb\\tc\\r\\b\\f\\u0001\\u001f\"}",
        "{\"accents\":\"héllo wörld\",\"cjk\":\"通知\",\"emoji\":\"👋🏽 done\",\"slash\":\"a/b\"}",
        "{\"n\":[1,-2,3.5,1.0E10,1e-7,12345678901234],\"b\":[true,false,null],\"empty\":{},\"none\":[]}"})
    void countsEscapesMultiByteCharactersAndNumbersAsWritten(String text) throws IOException {
        assertCountedAsWritten(text);
    }

    private void assertCountedAsWritten(String text) throws IOException {
        Object tree = json.readValue(text, Argument.OBJECT_ARGUMENT);

        assertThat(SegmentLimits.jsonBytes(tree)).isEqualTo(WRITER.writeValueAsBytes(tree).length);
    }
}
