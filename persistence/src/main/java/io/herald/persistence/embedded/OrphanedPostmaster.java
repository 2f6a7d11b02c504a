package io.herald.persistence.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded PostgreSQL runs as a daemon of its own. When Herald is killed without a chance to stop it
 * (kill -9, power loss of the JVM only), the server outlives it and holds the data directory, so the next
 * start would fail. Stop such an orphan first; PostgreSQL's own recovery makes this safe.
 */
final class OrphanedPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> postmaster = parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(OrphanedPostmaster::isPostgres);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        LOG.warn("A PostgreSQL server (pid {}) left running by an earlier Herald holds {}; stopping it", process.pid(), dataDirectory);
        // SIGTERM: "smart" shutdown; nobody is connected to an orphan, so it ends promptly.
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL pid " + process.pid() + " did not stop within " + STOP_WAIT
                    + "; stop it and start Herald again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping an orphaned PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not stop PostgreSQL pid " + process.pid(), e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/postgres") || command.endsWith("postgres.exe"))
                .orElse(false);
    }
}
