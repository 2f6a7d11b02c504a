package io.herald.bootstrap.system;

import io.herald.bootstrap.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code java -jar herald.jar} with no configuration and no PostgreSQL installed: it answers, protects
 * itself with a generated key, and keeps its data across a clean stop and across being killed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedJarIT {

    private static final Pattern GENERATED_KEY = Pattern.compile("hk_[A-Za-z0-9_-]{43}");

    private Path workingDirectory;
    private HeraldProcess herald;
    private String apiKey;

    @BeforeAll
    void firstStart() throws IOException {
        workingDirectory = Files.createTempDirectory("herald-jar-it");
        herald = new HeraldProcess(workingDirectory, Map.of()).start();
    }

    @AfterAll
    void stop() {
        herald.close();
        HeraldProcess.deleteDirectory(workingDirectory);
    }

    @Test
    @Order(1)
    void answersHealthWithinSecondsOnItsOwnEmbeddedPostgres() {
        assertThat(herald.lastStartup()).isLessThan(Duration.ofSeconds(60));
        var health = Http.to(herald.uri()).get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(workingDirectory.resolve(".herald/postgres/PG_VERSION")).exists();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(herald.output())
                .contains("Database: embedded PostgreSQL, data in .herald/postgres")
                .contains("Feedback to Segment: off").contains("Durable work: on, 10 threads"));
    }

    @Test
    @Order(2)
    void rejectsAnonymousCallsWithJson() {
        var response = Http.to(herald.uri()).get("/prometheus");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("type").asText()).isEqualTo("authentication_error");
    }

    @Test
    @Order(3)
    void printsAGeneratedKeyOnceAndAcceptsIt() {
        Matcher keys = GENERATED_KEY.matcher(herald.output());
        assertThat(keys.find()).as("a generated key in the log:\n%s", herald.output()).isTrue();
        apiKey = keys.group();
        assertThat(keys.find()).as("the key is printed once").isFalse();

        assertThat(Http.to(herald.uri()).withApiKey(apiKey).get("/prometheus").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void deliversAMessageThroughTheConsoleProvider() {
        Http api = Http.to(herald.uri()).withApiKey(apiKey);
        assertThat(api.put("/templates/hello", "{\"channels\": {\"email\": {\"subject\": \"Hi {{name}}\", \"text\": \"Hello\"}}}")
                .status()).isEqualTo(200);
        var sent = api.post("/send", "{\"message\": {\"to\": {\"email\": \"jar@example.org\"}, \"template\": \"hello\", "
                + "\"data\": {\"name\": \"Jar\"}}}");
        assertThat(sent.status()).isEqualTo(202);
        String id = sent.json().path("requestId").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(api.get("/messages/" + id).json().path("status").asText()));
        assertThat(api.get("/messages/" + id + "/output").json().path("results").get(0).path("content").path("subject").asText())
                .isEqualTo("Hi Jar");
    }

    @Test
    @Order(5)
    void keepsItsDataAcrossACleanRestart() {
        Http api = Http.to(herald.uri()).withApiKey(apiKey);
        assertThat(api.post("/profiles/kept-user", "{\"profile\": {\"email\": \"kept@example.org\"}}").status()).isEqualTo(200);
        herald.stop();
        assertThat(workingDirectory.resolve(".herald/postgres/postmaster.pid"))
                .as("the embedded PostgreSQL is stopped with Herald").doesNotExist();

        herald.start();

        assertThat(GENERATED_KEY.matcher(herald.output()).find()).as("no second key is generated").isFalse();
        Http restarted = Http.to(herald.uri()).withApiKey(apiKey);
        assertThat(restarted.get("/prometheus").status()).isEqualTo(200);
        assertThat(restarted.get("/profiles/kept-user").json().path("profile").path("email").asText()).isEqualTo("kept@example.org");
    }

    @Test
    @Order(6)
    void killedRightAfterAcknowledgingItLosesNoEvent() {
        Http api = Http.to(herald.uri()).withApiKey(apiKey);
        int batches = 20;
        for (int b = 0; b < batches; b++) {
            StringBuilder batch = new StringBuilder("{\"batch\": [");
            for (int i = 0; i < 50; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"type\": \"track\", \"messageId\": \"kill-")
                        .append(b).append('-').append(i).append("\", \"userId\": \"user-").append(i)
                        .append("\", \"event\": \"Burst\"}");
            }
            assertThat(api.post("/v1/batch", batch.append("]}").toString()).status()).isEqualTo(200);
        }

        herald.kill();
        herald.start();

        Http restarted = Http.to(herald.uri()).withApiKey(apiKey);
        assertThat(restarted.get("/health").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(120)).until(() ->
                restarted.get("/inbound/events?status=RECEIVED&limit=1").json().path("results").isEmpty());
        int unmapped = 0;
        String cursor = null;
        do {
            var page = restarted.get("/inbound/events?status=UNMAPPED&limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            unmapped += page.path("results").size();
            cursor = page.path("paging").path("more").asBoolean() ? page.path("paging").path("cursor").asText() : null;
        } while (cursor != null);
        assertThat(unmapped).as("every acknowledged event, processed once").isEqualTo(batches * 50);
    }
}
