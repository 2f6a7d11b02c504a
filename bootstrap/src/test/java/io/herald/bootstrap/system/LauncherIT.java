package io.herald.bootstrap.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/herald}, the launcher the README runs Herald with: its heap is bounded, and the class-data-sharing
 * archive the first run writes as it exits is mapped by the next run of the same jar.
 */
@EnabledOnOs(OS.LINUX)
class LauncherIT {

    private final Path directory = createDirectory();

    @AfterEach
    void clean() {
        HeraldProcess.deleteDirectory(directory);
    }

    @Test
    void boundsTheHeapAndStartsLaterRunsFromTheClassArchiveTheFirstOneWrote() throws Exception {
        try (HeraldProcess first = new HeraldProcess(directory, Map.of()).throughLauncher().start()) {
            assertThat(vmFlag(first.pid(), "MaxHeapSize")).as("a 256 MB heap").isEqualTo(256L * 1024 * 1024);
            assertThat(archives()).as("written at exit, not before").isEmpty();
            assertThat(first.stop()).as("SIGTERM: a clean JVM exit").isIn(0, 143);
        }
        List<Path> written = archives();
        assertThat(written).as("the class archive of this jar").singleElement()
                .satisfies(archive -> assertThat(Files.size(archive)).isGreaterThan(1_000_000L));

        try (HeraldProcess second = new HeraldProcess(directory, Map.of()).throughLauncher().start()) {
            String maps = Files.readString(Path.of("/proc", Long.toString(second.pid()), "maps"));
            assertThat(maps).as("the second JVM maps the archive").contains(written.get(0).toRealPath().toString());
            assertThat(second.stop()).as("SIGTERM: a clean JVM exit").isIn(0, 143);
        }
        assertThat(archives()).as("kept, not rewritten").containsExactlyElementsOf(written);
    }

    private List<Path> archives() throws IOException {
        Path state = directory.resolve(".herald");
        if (!Files.isDirectory(state)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(state)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    /** A flag of the running JVM as jcmd reports it. */
    private static long vmFlag(long pid, String flag) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), "VM.flags")
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor(30, TimeUnit.SECONDS)).isTrue();
        java.util.regex.Matcher option = java.util.regex.Pattern.compile("-XX:" + flag + "=(\\d+)").matcher(output);
        if (option.find()) {
            return Long.parseLong(option.group(1));
        }
        throw new AssertionError("jcmd VM.flags did not report " + flag + ":\n" + output);
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("herald-launcher");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
