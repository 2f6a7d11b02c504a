package io.herald.bootstrap.system;

import io.herald.bootstrap.support.EventStream;
import io.herald.bootstrap.support.EventStream.Received;
import io.herald.bootstrap.support.Http;
import io.herald.testsupport.SharedPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox stream across instances (DESIGN §13): two Herald processes on one PostgreSQL; a client streams from A with
 * a client token, a send goes in through B, and the item reaches the client within a second, because B's commit
 * NOTIFYs every instance. Reconnecting with the last event id resumes after it.
 */
class InboxStreamIT {

    private static final String KEY = "stream-key";

    @Test
    void aClientStreamingFromOneInstanceReceivesWhatIsSentThroughAnotherWithinASecond() throws Exception {
        SharedPostgres.freshDatabase("herald_inbox_stream");
        Map<String, String> environment = Map.of(
                "DATASOURCES_DEFAULT_URL", SharedPostgres.jdbcUrl("herald_inbox_stream"),
                "DATASOURCES_DEFAULT_USERNAME", SharedPostgres.username(),
                "DATASOURCES_DEFAULT_PASSWORD", "",
                "HERALD_AUTH_API_KEYS", KEY);
        Path dirA = Files.createTempDirectory("herald-inbox-stream-a");
        Path dirB = Files.createTempDirectory("herald-inbox-stream-b");
        try (var a = new HeraldProcess(dirA, environment).start(); var b = new HeraldProcess(dirB, environment).start()) {
            Http apiB = Http.to(b.uri()).withApiKey(KEY);
            String token = Http.to(a.uri()).withApiKey(KEY).post("/auth/issue-token",
                    "{\"scope\": \"user_id:alex inbox:read:messages\", \"expires_in\": \"1 hour\"}").json().path("token").asText();
            URI stream = a.uri().resolve("/users/alex/inbox/stream?token=" + token);

            try (EventStream anonymous = EventStream.open(a.uri().resolve("/users/alex/inbox/stream"), Map.of());
                 EventStream otherUser = EventStream.open(a.uri().resolve("/users/kim/inbox/stream?token=" + token), Map.of())) {
                assertThat(anonymous.status()).isEqualTo(401);
                assertThat(otherUser.status()).isEqualTo(403);
            }

            String firstId;
            try (EventStream client = EventStream.open(stream, Map.of())) {
                assertThat(client.status()).isEqualTo(200);
                assertThat(client.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
                Received ready = client.next(Duration.ofSeconds(5)).orElseThrow();
                assertThat(ready.name()).isEqualTo("ready");
                assertThat(ready.data().path("unread_count").asLong()).isZero();
                String metrics = Http.to(a.uri()).withApiKey(KEY).get("/prometheus").body();
                assertThat(metrics).as("the operator sees the stream, heard live").contains("herald_inbox_streams 1.0")
                        .contains("herald_inbox_streams_listening 1.0");

                Instant sent = Instant.now();
                assertThat(apiB.post("/send", """
                        {"message": {"to": {"user_id": "alex"}, "content": {"title": "Your report is ready", "body": "Open it"},
                          "routing": {"method": "single", "channels": ["inbox"]}}}""").status()).isEqualTo(202);
                Received message = client.next(Duration.ofSeconds(5)).orElseThrow();

                assertThat(message.name()).isEqualTo("message");
                assertThat(message.data().path("message").path("title").asText()).isEqualTo("Your report is ready");
                assertThat(message.data().path("unread_count").asLong()).isEqualTo(1);
                assertThat(Duration.between(sent, message.at())).as("through B, received from A").isLessThan(Duration.ofSeconds(1));
                firstId = message.id().orElseThrow();

                apiB.post("/users/alex/inbox/" + message.data().path("messageId").asText() + "/read", "");
                Received read = client.next(Duration.ofSeconds(5)).orElseThrow();
                assertThat(read.name()).isEqualTo("read");
                assertThat(read.data().path("unread_count").asLong()).isZero();
            }

            // Away for a while: a second message arrives meanwhile, and the reconnect resumes after the first.
            apiB.post("/send", """
                    {"message": {"to": {"user_id": "alex"}, "content": {"title": "Second", "body": "Meanwhile"},
                      "routing": {"method": "single", "channels": ["inbox"]}}}""");
            try (EventStream resumed = EventStream.open(stream, Map.of("Last-Event-ID", firstId))) {
                assertThat(resumed.next(Duration.ofSeconds(5)).orElseThrow().name()).isEqualTo("ready");
                assertThat(resumed.next(Duration.ofSeconds(5)).orElseThrow().name()).as("missed while away").isEqualTo("read");
                Received second = resumed.next(Duration.ofSeconds(10)).orElseThrow();
                assertThat(second.name()).isEqualTo("message");
                assertThat(second.data().path("message").path("title").asText()).isEqualTo("Second");
            }
        } finally {
            HeraldProcess.deleteDirectory(dirA);
            HeraldProcess.deleteDirectory(dirB);
        }
    }
}
