package io.herald.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A stub of Segment's HTTP API (the {@code /v1/import} endpoint analytics-java posts batches to). */
public final class SegmentStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    public SegmentStub() {
        server.start();
        accepting();
    }

    public String endpoint() {
        return server.baseUrl();
    }

    public void accepting() {
        server.resetMappings();
        server.stubFor(post(urlPathMatching("/v1/import/?")).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
    }

    public void failing() {
        server.resetMappings();
        server.stubFor(post(urlPathMatching("/v1/import/?")).willReturn(aResponse().withStatus(500).withBody("{\"error\":\"down\"}")));
    }

    public void forgetRequests() {
        server.resetRequests();
    }

    public List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlPathMatching("/v1/import/?")));
    }

    /** Every event of every batch Segment answered 200 to (failed posts are left out). */
    public List<JsonNode> acceptedEvents() {
        List<JsonNode> events = new ArrayList<>();
        server.getAllServeEvents().stream()
                .filter(event -> event.getResponse().getStatus() == 200)
                .forEach(event -> {
                    try {
                        JSON.readTree(event.getRequest().getBodyAsString()).path("batch").forEach(events::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return events;
    }

    @Override
    public void close() {
        server.stop();
    }
}
