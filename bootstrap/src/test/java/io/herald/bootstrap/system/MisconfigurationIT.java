package io.herald.bootstrap.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar refuses to start misconfigured (exit status 2, one line naming the key, nothing left running),
 * and a start that fails later still stops the embedded PostgreSQL it started.
 */
class MisconfigurationIT {

    @Test
    void aMistypedProviderStopsTheStartWithStatusTwoNamingTheKey() throws IOException {
        Path directory = Files.createTempDirectory("herald-misconfigured");
        HeraldProcess herald = new HeraldProcess(directory, Map.of("HERALD_CHANNELS_EMAIL_PROVIDERS", "sendgird,console"));

        assertThat(herald.exitStatusWithin(Duration.ofSeconds(20))).isEqualTo(2);

        assertThat(herald.output()).contains("herald.channels.email.providers names 'sendgird', which is not a provider")
                .contains("Herald did not start: 1 configuration problem").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(directory.resolve(".herald")).as("no embedded PostgreSQL was started").doesNotExist();
        assertNoProcessRunsIn(directory);
        HeraldProcess.deleteDirectory(directory);
    }

    @Test
    void sendGridWithoutItsKeyStopsTheStartAndEveryProblemIsListed() throws IOException {
        Path directory = Files.createTempDirectory("herald-misconfigured");
        HeraldProcess herald = new HeraldProcess(directory, Map.of(
                "HERALD_CHANNELS_EMAIL_PROVIDERS", "sendgrid",
                "HERALD_DELIVERY_GIVE_UP_AFTER", "three days"));

        assertThat(herald.exitStatusWithin(Duration.ofSeconds(20))).isEqualTo(2);

        assertThat(herald.output()).contains("herald.providers.sendgrid.api-key must be set")
                .contains("herald.providers.sendgrid.from must be set")
                .contains("herald.delivery.give-up-after must be a duration")
                .contains("3 configuration problems");
        assertThat(directory.resolve(".herald")).doesNotExist();
        assertNoProcessRunsIn(directory);
        HeraldProcess.deleteDirectory(directory);
    }

    @Test
    void aStartThatFailsAfterThePostgresStartedStopsIt() throws IOException {
        Path directory = Files.createTempDirectory("herald-port-taken");
        try (ServerSocket taken = new ServerSocket(0)) {
            HeraldProcess herald = new HeraldProcess(directory, Map.of("MICRONAUT_SERVER_PORT", Integer.toString(taken.getLocalPort())));

            assertThat(herald.exitStatusWithin(Duration.ofSeconds(90))).isNotZero();

            assertThat(herald.output()).contains("Embedded PostgreSQL started").contains("Embedded PostgreSQL stopped");
        }
        assertThat(directory.resolve(".herald/postgres/postmaster.pid")).doesNotExist();
        assertNoProcessRunsIn(directory);
        HeraldProcess.deleteDirectory(directory);
    }

    private static void assertNoProcessRunsIn(Path directory) {
        String path = directory.toAbsolutePath().toString();
        assertThat(ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(process -> process.info().commandLine().orElse(""))
                .filter(command -> command.contains(path)))
                .as("processes left behind in %s", path).isEmpty();
    }
}
