package io.herald.bootstrap.automation;

import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** docs/automations.md stays true: its requests, replayed in order against Herald, are accepted and do what it says. */
@MicronautTest(transactional = false)
class AutomationGuideTest implements HeraldTest {

    private static final Path GUIDE = Path.of("..", "docs", "automations.md");
    private static final Pattern REQUEST = Pattern.compile(
            "curl -X (PUT|POST) \"\\$HERALD(/[^\"]+)\"[^\\n]*-d @- <<'EOF'\\n(.*?)\\nEOF", Pattern.DOTALL);

    @Inject
    EmbeddedServer server;

    private record Request(String method, String path, String body) {
    }

    private static List<Request> requests() throws IOException {
        Matcher matcher = REQUEST.matcher(Files.readString(GUIDE));
        List<Request> requests = new ArrayList<>();
        while (matcher.find()) {
            requests.add(new Request(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return requests;
    }

    private static void awaitProcessed() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Sql.count("SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'") == 0);
    }

    @Test
    void everyRequestOfTheGuideIsAcceptedAndTheJourneysBehaveAsItSays() throws IOException {
        SharedPostgres.truncateAllTables();
        AutomationApi herald = new AutomationApi(new Api(server.getURI(), API_KEY));
        List<Request> requests = requests();
        assertThat(requests).as("requests found in " + GUIDE).hasSizeGreaterThanOrEqualTo(12);

        for (Request request : requests) {
            Http.Response response = herald.http().send(request.method(), request.path(), request.body(),
                    Map.of("Content-Type", "application/json"));
            assertThat(response.status()).as(request.method() + " " + request.path() + ": " + response.body()).isBetween(200, 202);
            awaitProcessed();
        }

        String welcomeRun = herald.inboundEvent("guide-track-1").path("triggered").path("automationRuns").get(0).asText();
        String orderRun = herald.inboundEvent("guide-order-1").path("triggered").path("automationRuns").get(0).asText();
        assertThat(herald.awaitRun(welcomeRun, "CANCELED").path("cancelation_token").asText()).isEqualTo("alex-onboarding");
        assertThat(herald.awaitRun(orderRun, "WAITING").path("automation").asText()).isEqualTo("order-follow-up");
        assertThat(Http.texts(herald.http().get("/automations").json().path("templates"), "id"))
                .containsExactly("order-follow-up", "trial-converted", "welcome-journey");
    }
}
