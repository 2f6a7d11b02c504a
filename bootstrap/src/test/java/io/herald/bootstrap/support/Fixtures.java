package io.herald.bootstrap.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Segment payloads of {@code shared/fixtures/segment}, as raw text, exactly as Segment sends them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String segment(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/segment/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
