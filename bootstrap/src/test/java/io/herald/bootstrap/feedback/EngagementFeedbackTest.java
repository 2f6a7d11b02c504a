package io.herald.bootstrap.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.application.port.in.RecordEngagementUseCase;
import io.herald.application.port.in.RecordEngagementUseCase.EngagementReport;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.SegmentStub;
import io.herald.bootstrap.support.Sql;
import io.herald.bootstrap.support.TestProviders;
import io.herald.domain.message.MessageId;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Engagement feedback through the real analytics-java client to a stub of Segment: the events each status
 * calls for, with Basic auth; nothing lost while Segment fails, nor across a restart.
 */
class EngagementFeedbackTest {

    private static final String WRITE_KEY = "segment-write-key";
    private static final SegmentStub SEGMENT = new SegmentStub();

    @AfterAll
    static void stopSegment() {
        SEGMENT.close();
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        TestProviders.reset();
        SEGMENT.accepting();
        SEGMENT.forgetRequests();
    }

    private static ApplicationContext herald() {
        Map<String, Object> properties = new HashMap<>(SharedPostgres.micronautProperties());
        properties.put("herald.auth.api-keys", HeraldTest.API_KEY);
        properties.put("micronaut.server.port", -1);
        properties.put("herald.test.providers", "true");
        properties.put("herald.channels.email.providers", "counting");
        properties.put("herald.segment.feedback.write-key", WRITE_KEY);
        properties.put("herald.segment.feedback.endpoint", SEGMENT.endpoint());
        properties.put("herald.segment.feedback.first-retry-delay", "200ms");
        // analytics-java retries a failed upload once after a fixed 15 s; Herald stops waiting for Segment's answer
        // after this and counts the batch as failed, which is what these tests are about.
        properties.put("herald.segment.feedback.timeout", "1s");
        return ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
    }

    private static String sendWelcome(Api api) {
        api.put("/templates/welcome", "{\"channels\": {\"email\": {\"subject\": \"Welcome\", \"text\": \"Hi\"}}}");
        api.post("/profiles/alex", "{\"profile\": {\"email\": \"alex@example.org\"}}");
        String id = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"welcome\", \"metadata\": {\"event\": \"Trial Started\"}}");
        api.awaitStatus(id, "SENT");
        return id;
    }

    private static void report(ApplicationContext herald, String id, RecordEngagementUseCase.Kind kind) {
        herald.getBean(RecordEngagementUseCase.class).record(new EngagementReport("counting", Optional.of(new MessageId(id)),
                Optional.empty(), kind, Instant.now(), Optional.empty()));
    }

    @Test
    void aMessageSentDeliveredOpenedAndClickedProducesExactlyThoseFourEvents() {
        String id;
        try (ApplicationContext herald = herald()) {
            id = sendWelcome(new Api(herald.getBean(EmbeddedServer.class).getURI(), HeraldTest.API_KEY));
            report(herald, id, RecordEngagementUseCase.Kind.DELIVERED);
            report(herald, id, RecordEngagementUseCase.Kind.OPENED);
            report(herald, id, RecordEngagementUseCase.Kind.CLICKED);
            await().atMost(Duration.ofSeconds(15)).until(() -> SEGMENT.acceptedEvents().size() == 4);
        }

        List<JsonNode> events = SEGMENT.acceptedEvents();
        assertThat(Http.texts(asArray(events), "event"))
                .containsExactlyInAnyOrder("Message Sent", "Message Delivered", "Message Opened", "Message Clicked");
        for (JsonNode event : events) {
            assertThat(event.path("type").asText()).isEqualTo("track");
            assertThat(event.path("userId").asText()).isEqualTo("alex");
            JsonNode properties = event.path("properties");
            assertThat(properties.path("messageId").asText()).isEqualTo(id);
            assertThat(properties.path("notification").asText()).isEqualTo("welcome");
            assertThat(properties.path("channel").asText()).isEqualTo("email");
            assertThat(properties.path("provider").asText()).isEqualTo("counting");
            assertThat(properties.path("event").asText()).isEqualTo("Trial Started");
            assertThat(event.path("messageId").asText()).isEqualTo(id + "-" + properties.path("status").asText());
        }
        assertThat(events).filteredOn(e -> e.path("event").asText().equals("Message Opened"))
                .singleElement().satisfies(e -> assertThat(e.path("properties").path("opened").asBoolean()).isTrue());
        String basic = "Basic " + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        assertThat(SEGMENT.requests()).allSatisfy(request -> assertThat(request.getHeader("Authorization")).isEqualTo(basic));
    }

    @Test
    void eventsRecordedWhileSegmentFailsArriveOnceItRecovers() {
        SEGMENT.failing();
        String id;
        try (ApplicationContext herald = herald()) {
            id = sendWelcome(new Api(herald.getBean(EmbeddedServer.class).getURI(), HeraldTest.API_KEY));
            report(herald, id, RecordEngagementUseCase.Kind.DELIVERED);
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    Sql.count("SELECT count(*) FROM engagement_feedback WHERE attempts >= 1 AND delivered_at IS NULL") == 2);
            assertThat(SEGMENT.acceptedEvents()).isEmpty();

            SEGMENT.accepting();

            await().atMost(Duration.ofSeconds(90)).until(() -> Sql.count("SELECT count(*) FROM engagement_feedback WHERE delivered_at IS NULL") == 0);
        }
        // A batch Segment failed to confirm may be sent again; its events keep their message ids, which is how
        // Segment counts each of them once.
        List<JsonNode> accepted = SEGMENT.acceptedEvents();
        assertThat(Http.texts(asArray(accepted), "event")).containsOnly("Message Sent", "Message Delivered");
        assertThat(Http.texts(asArray(accepted), "messageId").stream().distinct())
                .containsExactlyInAnyOrder(id + "-SENT", id + "-DELIVERED");
    }

    @Test
    void eventsStillPendingAtARestartAreDeliveredAfterIt() {
        SEGMENT.failing();
        try (ApplicationContext first = herald()) {
            String id = sendWelcome(new Api(first.getBean(EmbeddedServer.class).getURI(), HeraldTest.API_KEY));
            report(first, id, RecordEngagementUseCase.Kind.OPENED);
        }
        assertThat(Sql.count("SELECT count(*) FROM engagement_feedback WHERE delivered_at IS NULL")).isEqualTo(2);

        SEGMENT.accepting();
        try (ApplicationContext restarted = herald()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> SEGMENT.acceptedEvents().size() == 2);
        }
        assertThat(Http.texts(asArray(SEGMENT.acceptedEvents()), "event")).containsExactlyInAnyOrder("Message Sent", "Message Opened");
    }

    private static JsonNode asArray(List<JsonNode> events) {
        var array = new com.fasterxml.jackson.databind.node.ArrayNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
        events.forEach(array::add);
        return array;
    }
}
