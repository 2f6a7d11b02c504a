package io.herald.adapters.outbound.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.herald.application.port.out.EngagementFeedback;
import io.herald.domain.feedback.FeedbackEvent;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real analytics-java client against a stub of Segment's import endpoint, configured as Herald configures it. */
class AnalyticsJavaFeedbackTest {

    private static final String WRITE_KEY = "segment-write-key";
    private static final String IMPORT = "/v1/import/?";
    private static final WireMockServer SEGMENT = new WireMockServer(options().dynamicPort());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApplicationContext context;

    static {
        SEGMENT.start();
    }

    @AfterAll
    static void stopSegment() {
        SEGMENT.stop();
    }

    @BeforeEach
    void resetSegment() {
        SEGMENT.resetAll();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private EngagementFeedback feedback(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("herald.segment.feedback.write-key", WRITE_KEY);
        properties.put("herald.segment.feedback.endpoint", SEGMENT.baseUrl());
        properties.putAll(extra);
        context = ApplicationContext.run(properties);
        return context.getBean(EngagementFeedback.class);
    }

    private static FeedbackEvent event(String status, String name) {
        return new FeedbackEvent("1-abc-" + status, new MessageId("1-abc"), name, UserId.of("alex"),
                Map.of("messageId", "1-abc", "channel", "email", "status", status), Instant.parse("2026-12-01T10:15:30Z"));
    }

    @Test
    void eventsReachSegmentAsTrackCallsWithTheWriteKeyAsBasicAuth() throws Exception {
        SEGMENT.stubFor(post(urlPathMatching(IMPORT)).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));

        feedback(Map.of()).send(List.of(event("SENT", "Message Sent"), event("OPENED", "Message Opened")));

        var requests = SEGMENT.findAll(postRequestedFor(urlPathMatching(IMPORT)));
        assertThat(requests).hasSize(1);
        String basic = "Basic " + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo(basic);
        JsonNode batch = JSON.readTree(requests.get(0).getBodyAsString()).path("batch");
        assertThat(batch).hasSize(2);
        JsonNode opened = batch.get(1);
        assertThat(opened.path("type").asText()).isEqualTo("track");
        assertThat(opened.path("event").asText()).isEqualTo("Message Opened");
        assertThat(opened.path("userId").asText()).isEqualTo("alex");
        assertThat(opened.path("messageId").asText()).isEqualTo("1-abc-OPENED");
        assertThat(opened.path("properties").path("channel").asText()).isEqualTo("email");
        assertThat(Instant.parse(opened.path("timestamp").asText())).isEqualTo(Instant.parse("2026-12-01T10:15:30Z"));
    }

    @Test
    void aBatchSegmentRefusesFailsTheSendSoItIsSentAgainLater() {
        SEGMENT.stubFor(post(urlPathMatching(IMPORT)).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad\"}")));
        EngagementFeedback feedback = feedback(Map.of());

        assertThatThrownBy(() -> feedback.send(List.of(event("SENT", "Message Sent"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Segment refused engagement events");
    }

    /** analytics-java retries a 5xx once after a fixed 15 s; Herald stops waiting at its own timeout. */
    @Test
    void aSegmentThatDoesNotConfirmInTimeFailsTheSendAtTheTimeout() {
        SEGMENT.stubFor(post(urlPathMatching(IMPORT)).willReturn(aResponse().withStatus(503)));
        EngagementFeedback feedback = feedback(Map.of("herald.segment.feedback.timeout", "300ms"));

        long started = System.nanoTime();
        assertThatThrownBy(() -> feedback.send(List.of(event("SENT", "Message Sent"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Segment did not confirm engagement events within PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void withoutAWriteKeyThereIsNoFeedbackToSegment() {
        context = ApplicationContext.run(Map.of("herald.segment.feedback.endpoint", SEGMENT.baseUrl()));

        assertThat(context.findBean(EngagementFeedback.class)).isEmpty();
        assertThat(SEGMENT.getAllServeEvents()).isEmpty();
    }
}
