package io.herald.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock stubs of the SendGrid and Twilio HTTP APIs, for system tests that run the real SDKs against them,
 * with the Herald configuration that points the providers there.
 */
public final class ProviderStubs implements AutoCloseable {

    public static final String TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String TWILIO_AUTH_TOKEN = "twilio-auth-token";
    public static final String TWILIO_CALLBACK_URL = "https://herald.example.com/webhooks/twilio/status";
    public static final String SENDGRID_API_KEY = "SG.test-key";
    private static final String TWILIO_MESSAGES = "/2010-04-01/Accounts/" + TWILIO_ACCOUNT_SID + "/Messages.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer sendGrid = new WireMockServer(options().dynamicPort());
    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private final AtomicInteger ids = new AtomicInteger();

    public ProviderStubs() {
        sendGrid.start();
        twilio.start();
        reset();
    }

    /** Herald's configuration for these stubs; SendGrid then console for email, Twilio for SMS. */
    public Map<String, String> heraldProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("herald.providers.sendgrid.api-key", SENDGRID_API_KEY);
        properties.put("herald.providers.sendgrid.from", "Herald <noreply@herald.example.com>");
        properties.put("herald.providers.sendgrid.base-url", sendGrid.baseUrl());
        // Short, so that a call in flight ends long before a test moving the clock passes its in-flight lease (2 min of
        // clock time go by in about a second of driving). On a machine loaded far beyond its cores a stub can be slower
        // than this, and a journey then waits for a retry only a moved clock would bring.
        properties.put("herald.providers.sendgrid.read-timeout", "500ms");
        properties.put("herald.providers.twilio.account-sid", TWILIO_ACCOUNT_SID);
        properties.put("herald.providers.twilio.auth-token", TWILIO_AUTH_TOKEN);
        properties.put("herald.providers.twilio.from", "+15550000000");
        properties.put("herald.providers.twilio.base-url", twilio.baseUrl());
        properties.put("herald.providers.twilio.status-callback-url", TWILIO_CALLBACK_URL);
        properties.put("herald.channels.email.providers", "sendgrid,console");
        properties.put("herald.channels.sms.providers", "twilio");
        return properties;
    }

    /** SendGrid accepts every mail (202 with an X-Message-Id), Twilio every SMS (201 with a SID). */
    public void reset() {
        sendGrid.resetAll();
        twilio.resetAll();
        sendGridAnswers(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-" + ids.incrementAndGet()));
        twilioAccepts();
    }

    public void sendGridAnswers(ResponseDefinitionBuilder response) {
        sendGrid.resetMappings();
        sendGrid.stubFor(post("/v3/mail/send").willReturn(response));
    }

    public void twilioAccepts() {
        twilio.resetMappings();
        twilio.stubFor(post(urlEqualTo(TWILIO_MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"sid": "SM0123456789abcdef0123456789abcdef", "account_sid": "%s", "status": "queued", "num_segments": "1"}"""
                        .formatted(TWILIO_ACCOUNT_SID))));
    }

    public void twilioRefuses(int status, int code, String message) {
        twilio.resetMappings();
        twilio.stubFor(post(urlEqualTo(TWILIO_MESSAGES)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": %d, \"message\": \"%s\", \"status\": %d}".formatted(code, message, status))));
    }

    public List<LoggedRequest> sendGridRequests() {
        return sendGrid.findAll(postRequestedFor(urlEqualTo("/v3/mail/send")));
    }

    /** How many mails SendGrid answered with {@code status}, per Herald message id (from {@code custom_args}). */
    public Map<String, Integer> sendGridAnswered(int status) {
        Map<String, Integer> byMessage = new HashMap<>();
        for (ServeEvent event : sendGrid.getAllServeEvents()) {
            if (event.getResponse().getStatus() == status && event.getRequest().getUrl().equals("/v3/mail/send")) {
                String id = ProviderStubs.json(event.getRequest()).path("custom_args").path("herald_message_id").asText();
                byMessage.merge(id, 1, Integer::sum);
            }
        }
        return byMessage;
    }

    public List<LoggedRequest> twilioRequests() {
        return twilio.findAll(postRequestedFor(urlEqualTo(TWILIO_MESSAGES)));
    }

    public static JsonNode json(com.github.tomakehurst.wiremock.http.Request request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&", -1)) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    @Override
    public void close() {
        sendGrid.stop();
        twilio.stop();
    }
}
