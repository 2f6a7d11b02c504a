package io.herald.adapters.inbound.segment.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Calls the adapter the way Segment and its SDKs do: JSON bodies, the key as Basic username (Segment's convention),
 * as a Bearer token, or as {@code writeKey} in the body. Every answer comes back as a {@link Reply}.
 */
@Singleton
public class Segment {

    private final HttpClient client;

    Segment(@Client("/") HttpClient client) {
        this.client = client;
    }

    /** A payload of {@code shared/fixtures/segment}, exactly as Segment sends it. */
    public static String fixture(String name) {
        try (InputStream in = Segment.class.getResourceAsStream("/fixtures/segment/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Segment's Basic auth: the key as username, no password. */
    public static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    public static MutableHttpRequest<String> json(String path, String body) {
        return HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Posts JSON with the write key as Basic username. */
    public Reply post(String path, String body) {
        return send(json(path, body).header("Authorization", basic(FakeCallers.WRITE_KEY)));
    }

    public Reply send(MutableHttpRequest<?> request) {
        try {
            return Reply.of(client.toBlocking().exchange(request, Argument.STRING, Argument.STRING));
        } catch (HttpClientResponseException error) {
            return Reply.of(error.getResponse());
        }
    }
}
