package io.herald.bootstrap.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.TrackMessage;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Segment's own Java SDK, with only its endpoint changed, sends straight to Herald. */
@MicronautTest(transactional = false)
class AnalyticsJavaClientTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    @Test
    void identifyTrackAndGroupFromTheRealClientArrive() {
        SharedPostgres.truncateAllTables();
        List<Message> delivered = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Analytics analytics = Analytics.builder(API_KEY)
                .endpoint(server.getURI().toString())
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        delivered.add(message);
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failures.add(throwable);
                    }
                })
                .build();
        try {
            analytics.enqueue(IdentifyMessage.builder().userId("sdk-user")
                    .traits(Map.of("email", "sdk@example.org", "phone", "+15550001111", "plan", "trial")));
            analytics.enqueue(TrackMessage.builder("Trial Started").userId("sdk-user")
                    .properties(Map.of("plan_type", "pro")));
            analytics.enqueue(GroupMessage.builder("acme-co").userId("sdk-user")
                    .traits(Map.of("name", "Acme", "seats", 12)));
            analytics.flush();
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() + failures.size() == 3);
        } finally {
            analytics.shutdown();
        }
        assertThat(failures).isEmpty();

        Http api = Http.to(server.getURI()).withApiKey(API_KEY);
        await().atMost(Duration.ofSeconds(10)).until(() -> Sql.count("SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'") == 0);
        JsonNode profile = api.get("/profiles/sdk-user").json().path("profile");
        assertThat(profile.path("email").asText()).isEqualTo("sdk@example.org");
        assertThat(profile.path("phone_number").asText()).isEqualTo("+15550001111");
        assertThat(api.get("/tenants/acme-co").json().path("name").asText()).isEqualTo("Acme");
        JsonNode events = api.get("/inbound/events").json().path("results");
        assertThat(Http.texts(events, "event")).containsExactlyInAnyOrder("identify", "track/Trial Started", "group");
        assertThat(Http.texts(events, "source")).containsOnly("segment-api");
        assertThat(Http.texts(events, "status")).containsExactlyInAnyOrder("PROCESSED", "UNMAPPED", "PROCESSED");
    }
}
