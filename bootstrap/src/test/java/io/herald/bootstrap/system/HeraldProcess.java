package io.herald.bootstrap.system;

import io.herald.bootstrap.support.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code herald.jar} run as a user runs it: its own JVM, its own working directory,
 * configuration through environment variables only.
 */
final class HeraldProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;
    private Duration lastStartup;
    private boolean throughLauncher;

    HeraldProcess(Path workingDirectory, Map<String, String> environment) {
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.port = freePort();
        this.log = workingDirectory.resolve("herald.log");
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("herald.jar", "target/herald.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Package Herald first: " + jar.toAbsolutePath() + " is missing");
        }
        return jar.toAbsolutePath();
    }

    HeraldProcess start() {
        try {
            Files.deleteIfExists(log);
            Instant started = Instant.now();
            process = launch();
            awaitHealthy();
            lastStartup = Duration.between(started, Instant.now());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts Herald expecting it to refuse to start: its exit status, or a failure if it is still running after {@code limit}. */
    int exitStatusWithin(Duration limit) {
        try {
            Files.deleteIfExists(log);
            process = launch();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Herald was still running after " + limit + ":\n" + output());
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the jar through {@code bin/herald}, the launcher the README runs it with, instead of {@code java -jar}. */
    HeraldProcess throughLauncher() {
        throughLauncher = true;
        return this;
    }

    /** bin/herald of the checkout the jar was built in (bootstrap/target/herald.jar). */
    static Path launcher() {
        return jar().getParent().getParent().getParent().resolve("bin").resolve("herald");
    }

    private Process launch() throws IOException {
        List<String> command = throughLauncher
                ? new ArrayList<>(List.of("bash", launcher().toString()))
                : new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("MICRONAUT_SERVER_PORT", Integer.toString(port));
        if (throughLauncher) {
            env.put("HERALD_JAR", jar().toString());
            // the launcher runs "java" from the PATH: the JDK running the tests
            env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        }
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_LIMIT);
        Http http = Http.to(uri());
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Herald exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (http.get("/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // keep polling until the deadline
            }
            sleep(100);
        }
        throw new IllegalStateException("Herald did not become healthy within " + START_LIMIT + ":\n" + output());
    }

    /** SIGTERM, as a service manager stops it; waits for a clean exit. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Herald did not stop within 60 s:\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hooks run, nothing is cleaned up. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    URI uri() {
        return URI.create("http://localhost:" + port + "/");
    }

    Duration lastStartup() {
        return lastStartup;
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    /** Removes a test's working directory (its embedded PostgreSQL data is tens of megabytes). */
    static void deleteDirectory(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
