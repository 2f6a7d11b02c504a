package io.herald.bootstrap.hostile;

import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections that send nothing, or a request that stops half-way, are closed by Herald rather than held open; a
 * request line of an HTTP version Herald does not speak is refused; a body over the server's 1 MB limit
 * ({@code micronaut.server.max-request-size} in Herald's application.yml) is refused before any route reads it.
 */
@MicronautTest(transactional = false)
class SlowClientsTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("micronaut.server.idle-timeout", "1s", "herald.http.read-timeout", "1s");
    }

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        try (Socket socket = new Socket("localhost", server.getPort())) {
            assertClosedWithin(socket, Duration.ofSeconds(10));
        }
    }

    @Test
    void aRequestWhoseBodyStopsComingIsDropped() throws IOException {
        try (Socket socket = new Socket("localhost", server.getPort())) {
            socket.getOutputStream().write(("POST /v1/track HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"userId\": \"slow\"").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertClosedWithin(socket, Duration.ofSeconds(10));
        }
    }

    /** Reads until the server closes the connection (whatever it answered first), failing if it is still open at the limit. */
    private static void assertClosedWithin(Socket socket, Duration limit) throws IOException {
        Instant start = Instant.now();
        socket.setSoTimeout((int) limit.toMillis());
        InputStream in = socket.getInputStream();
        try {
            while (in.read() != -1) {
                // an error answer before the close is fine
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the connection was still open after " + limit);
        } catch (IOException reset) {
            // a reset is a close too
        }
        assertThat(Duration.between(start, Instant.now())).isLessThan(limit);
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413InTheApisErrorFormat() {
        // Segment batches may be up to 500 KB; the route would refuse this one too, but with a 400 of its own.
        String big = "{\"batch\": [{\"type\": \"track\", \"userId\": \"u\", \"event\": \"" + "x".repeat(1_100_000) + "\"}]}";

        var response = Http.to(server.getURI()).withApiKey(API_KEY).post("/v1/batch", big);

        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.json().path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void anHttpVersionOtherThanOnePointZeroOrOneIsRefusedWith505() throws IOException {
        for (String version : new String[] {"HTTP/9.9", "HTTP/2.0", "HTTP/0.9"}) {
            try (Socket socket = new Socket("localhost", server.getPort())) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(("GET /health " + version + "\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(answer).as(version).startsWith("HTTP/1.1 505").contains("Only HTTP/1.0 and HTTP/1.1 are served");
            }
        }
        try (Socket socket = new Socket("localhost", server.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
        }
    }
}
