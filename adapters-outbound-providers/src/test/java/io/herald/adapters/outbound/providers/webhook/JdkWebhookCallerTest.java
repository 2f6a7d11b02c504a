package io.herald.adapters.outbound.providers.webhook;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.herald.adapters.outbound.providers.ClosedPort;
import io.micronaut.context.ApplicationContext;
import io.herald.application.port.out.WebhookCaller;
import io.herald.application.port.out.WebhookCaller.Failed;
import io.herald.application.port.out.WebhookCaller.Fetched;
import io.herald.application.port.out.WebhookCaller.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class JdkWebhookCallerTest {

    @RegisterExtension
    static WireMockExtension crm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The stub runs on this machine, so its host is allowed; everything else on loopback is not. */
    private final JdkWebhookCaller caller = new JdkWebhookCaller(settings(Duration.ofSeconds(2), 1024, List.of("localhost")));
    private final JdkWebhookCaller guarded = new JdkWebhookCaller(settings(Duration.ofSeconds(2), 1024, List.of()));

    private static FetchDataSettings settings(Duration timeout, int maxBytes, List<String> allowedHosts) {
        return new FetchDataSettings(Duration.ofSeconds(5), timeout, maxBytes, allowedHosts);
    }

    private static Request get(String url) {
        return new Request(url, "GET", Map.of(), Optional.empty());
    }

    @Test
    void aGetReadsTheJsonObjectAnsweredWithTheStepsHeaders() {
        crm.stubFor(WireMock.get("/users/alex")
                .willReturn(okJson("{\"plan\": \"enterprise\", \"seats\": 12, \"tags\": [\"a\"], \"owner\": {\"name\": \"Kim\"}}")));

        var result = caller.call(new Request(crm.baseUrl() + "/users/alex", "GET", Map.of("Authorization", "Bearer k"), Optional.empty()));

        assertThat(result).isEqualTo(new Fetched(Map.of("plan", "enterprise", "seats", 12, "tags", List.of("a"),
                "owner", Map.of("name", "Kim"))));
        crm.verify(getRequestedFor(urlEqualTo("/users/alex")).withHeader("Authorization", equalTo("Bearer k"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void anObjectBodyIsSentAsJsonAndAStringBodyAsItIs() {
        crm.stubFor(post("/enrich").willReturn(okJson("{}")));
        crm.stubFor(put("/notes").willReturn(aResponse().withStatus(204)));

        var posted = caller.call(new Request(crm.baseUrl() + "/enrich", "POST", Map.of(), Optional.of(Map.of("user", "alex"))));
        var put = caller.call(new Request(crm.baseUrl() + "/notes", "PUT", Map.of("Content-Type", "text/plain"), Optional.of("hello")));

        assertThat(posted).isEqualTo(new Fetched(Map.of()));
        assertThat(put).as("an empty answer reads as an empty object").isEqualTo(new Fetched(Map.of()));
        crm.verify(postRequestedFor(urlEqualTo("/enrich")).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"user\": \"alex\"}")));
        crm.verify(putRequestedFor(urlEqualTo("/notes")).withHeader("Content-Type", equalTo("text/plain"))
                .withRequestBody(equalTo("hello")));
    }

    @Test
    void theTimeoutIsConfiguredUnderHeraldAutomationsFetchData() {
        crm.stubFor(WireMock.get("/slow").willReturn(okJson("{}").withFixedDelay(1500)));

        try (ApplicationContext context = ApplicationContext.run(Map.of("herald.automations.fetch-data.timeout", "300ms",
                "herald.automations.fetch-data.allowed-hosts", "localhost"))) {
            assertThat(context.getBean(WebhookCaller.class).call(get(crm.baseUrl() + "/slow")))
                    .isEqualTo(new Failed("no answer within 300 ms"));
        }
    }

    @Test
    void whatTheRemoteEndGetsWrongIsAFailureWithTheReason() {
        crm.stubFor(WireMock.get("/error").willReturn(aResponse().withStatus(503)));
        crm.stubFor(WireMock.get("/array").willReturn(okJson("[1, 2]")));
        crm.stubFor(WireMock.get("/html").willReturn(aResponse().withStatus(200).withBody("<html>")));
        crm.stubFor(WireMock.get("/big").willReturn(okJson("{\"x\": \"" + "y".repeat(2000) + "\"}")));

        assertThat(caller.call(get(crm.baseUrl() + "/error"))).isEqualTo(new Failed("answered 503"));
        assertThat(caller.call(get(crm.baseUrl() + "/array"))).isEqualTo(new Failed("answered JSON that is not an object"));
        assertThat(caller.call(get(crm.baseUrl() + "/html"))).isEqualTo(new Failed("answered something that is not JSON"));
        assertThat(caller.call(get(crm.baseUrl() + "/big"))).isEqualTo(new Failed("answered more than 1024 bytes"));
        assertThat(caller.call(get(ClosedPort.baseUrl() + "/x"))).isInstanceOf(Failed.class)
                .extracting(result -> ((Failed) result).reason()).asString().startsWith("ConnectException");
        assertThat(caller.call(get("http://exa mple.org/"))).isInstanceOf(Failed.class)
                .extracting(result -> ((Failed) result).reason()).asString().startsWith("the request could not be built");
    }

    @Test
    void internalAddressesInEveryFormAreRefusedWithoutBeingCalled() {
        for (String url : List.of("http://127.0.0.1:9/x", "http://localhost:9/x", "http://2130706433/x", "http://[::1]:9/x",
                "http://[::ffff:127.0.0.1]:9/x", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/x",
                "http://172.16.5.4/x", "http://192.168.1.1/x", "http://100.64.0.1/x", "http://0.0.0.0:9/x", "http://[fd00::1]/x",
                "http://224.0.0.1/x")) {
            assertThat(guarded.call(get(url))).as(url).isInstanceOfSatisfying(Failed.class, failed ->
                    assertThat(failed.reason()).startsWith("refused to call").contains("herald.automations.fetch-data.allowed-hosts"));
        }
        assertThat(((Failed) guarded.call(get("http://169.254.169.254/"))).reason()).contains("link-local");
        assertThat(guarded.call(get("ftp://example.org/x"))).isInstanceOfSatisfying(Failed.class, failed ->
                assertThat(failed.reason()).contains("scheme ftp"));
    }

    @Test
    void aRedirectIsCheckedLikeTheFirstCallAndAllowedOnesAreFollowed() {
        int port = crm.getPort();
        crm.stubFor(WireMock.get("/to-loopback").willReturn(aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:" + port + "/secret")));
        crm.stubFor(WireMock.get("/secret").willReturn(okJson("{\"secret\": true}")));
        crm.stubFor(WireMock.post("/moved").willReturn(aResponse().withStatus(303).withHeader("Location", "/result")));
        crm.stubFor(WireMock.get("/result").willReturn(okJson("{\"ok\": 1}")));

        assertThat(caller.call(get(crm.baseUrl() + "/to-loopback"))).isInstanceOfSatisfying(Failed.class, failed ->
                assertThat(failed.reason()).startsWith("refused to call 127.0.0.1"));
        crm.verify(0, getRequestedFor(urlEqualTo("/secret")));
        assertThat(caller.call(new Request(crm.baseUrl() + "/moved", "POST", Map.of(), Optional.of(Map.of("a", 1)))))
                .isEqualTo(new Fetched(Map.of("ok", 1)));
    }

    @Test
    void aDefinitionsUrlIsJudgedBeforeAnyCallWhenItsHostIsWrittenOut() {
        assertThat(guarded.refusal("http://169.254.169.254/latest/meta-data/{{path}}")).get().asString().contains("link-local");
        assertThat(guarded.refusal("http://localhost:8080/accounts/{{user_id}}")).get().asString().contains("loopback");
        assertThat(guarded.refusal("gopher://example.org/")).contains("only http:// and https:// URLs can be called");
        assertThat(guarded.refusal("https://{{tenant_host}}/accounts")).as("known only at call time").isEmpty();
        assertThat(guarded.refusal("https://api.example.org/accounts/{{user_id}}")).isEmpty();
        assertThat(caller.refusal("http://localhost:8080/x")).as("an allowed host").isEmpty();
    }
}
