package io.herald.adapters.outbound.providers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A local address where nothing listens, so a connection to it is refused. */
public final class ClosedPort {

    private ClosedPort() {
    }

    public static String baseUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://localhost:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
