package io.herald.bootstrap.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.ProviderStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a recipient does with their preferences (DESIGN §13), against the packaged jar with SendGrid's stub: an email on
 * a topic that offers it carries both one-click unsubscribe headers and a POST to the link opts out; the preference
 * center opened from the email's signed link (in headless Chromium) opts out of a topic, after which a send on it ends
 * UNROUTABLE / UNSUBSCRIBED, and shows a REQUIRED topic locked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreferenceCenterIT {

    private static final String KEY = "center-key";
    private static final Pattern PREFERENCES_URL = Pattern.compile("Manage: (\\S+)");

    private final ProviderStubs providers = new ProviderStubs();
    private Path directory;
    private HeraldProcess herald;
    private Http api;

    @BeforeAll
    void start() throws IOException {
        directory = Files.createTempDirectory("herald-preference-center");
        Map<String, String> environment = new HashMap<>();
        providers.heraldProperties().forEach((key, value) -> environment.put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        environment.put("HERALD_AUTH_API_KEYS", KEY);
        environment.put("HERALD_CHANNELS_EMAIL_PROVIDERS", "sendgrid");
        herald = new HeraldProcess(directory, environment).start();
        api = Http.to(herald.uri()).withApiKey(KEY);
        String section = api.post("/preferences/sections", "{\"name\": \"Your account\", \"description\": \"What we tell you about.\"}")
                .json().path("id").asText();
        api.post("/preferences/sections/" + section + "/topics", """
                {"id": "product-news", "name": "Product news", "description": "New features, once a month.", "default_status": "OPTED_IN",
                 "allowed_preferences": ["channel_preferences"], "routing_options": ["email", "inbox"]}""");
        api.post("/preferences/sections/" + section + "/topics", """
                {"id": "security", "name": "Security alerts", "description": "Sign-ins from new devices.", "default_status": "REQUIRED"}""");
        api.put("/profiles/ada", "{\"profile\": {\"email\": \"ada@example.org\"}}");
    }

    @AfterAll
    void stop() {
        herald.close();
        providers.close();
        HeraldProcess.deleteDirectory(directory);
    }

    private String send(String topic) {
        String requestId = api.post("/send", """
                {"message": {"to": {"user_id": "ada"}, "content": {"title": "Hello", "body": "Manage: {{preferences_url}}"},
                  "preferences": {"subscription_topic_id": "%s"}, "routing": {"method": "single", "channels": ["email"]}}}"""
                .formatted(topic)).json().path("requestId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> !api.get("/messages?request_id=" + requestId).json().path("results").isEmpty());
        String messageId = api.get("/messages?request_id=" + requestId).json().path("results").get(0).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> Set.of("SENT", "UNROUTABLE").contains(status(messageId)));
        return messageId;
    }

    private String status(String messageId) {
        return api.get("/messages/" + messageId).json().path("status").asText();
    }

    private JsonNode lastMail() {
        return ProviderStubs.json(providers.sendGridRequests().get(providers.sendGridRequests().size() - 1));
    }

    private String preference(String topic) {
        return api.get("/users/ada/preferences/" + topic).json().path("topic").path("status").asText();
    }

    @Test
    void theEmailCarriesOneClickUnsubscribe_thePreferenceCenterOptsOut_andARequiredTopicStaysLocked() throws Exception {
        send("product-news");
        JsonNode mail = lastMail();
        String unsubscribe = mail.path("headers").path("List-Unsubscribe").asText();
        assertThat(unsubscribe).startsWith("<" + herald.uri().resolve("/unsubscribe")).endsWith(">");
        assertThat(mail.path("headers").path("List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
        Matcher link = PREFERENCES_URL.matcher(mail.path("content").get(0).path("value").asText());
        assertThat(link.find()).as("{{preferences_url}} in the text").isTrue();
        String preferencesUrl = link.group(1);

        send("security");
        assertThat(lastMail().has("headers")).as("nobody leaves a REQUIRED topic").isFalse();

        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get(preferencesUrl);
            assertThat(browser.getTitle()).isEqualTo("Notification preferences");
            WebElement security = browser.findElement(By.id("topic-security"));
            assertThat(security.isSelected()).isTrue();
            assertThat(security.isEnabled()).as("REQUIRED is locked").isFalse();
            WebElement news = browser.findElement(By.id("topic-product-news"));
            assertThat(news.isSelected()).isTrue();
            HeadlessChromium.screenshot(browser, "preference-center", 1280, 800);
            HeadlessChromium.screenshot(browser, "preference-center", 390, 844);

            browser.findElement(By.cssSelector("label[for='topic-product-news']")).click();
            await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(browser.findElement(By.cssSelector(".status")).getText()).isEqualTo("Saved."));
            assertThat(preference("product-news")).isEqualTo("OPTED_OUT");
        } finally {
            browser.quit();
        }
        String unsubscribed = send("product-news");
        assertThat(status(unsubscribed)).isEqualTo("UNROUTABLE");
        assertThat(api.get("/messages/" + unsubscribed).json().path("reason").asText()).isEqualTo("UNSUBSCRIBED");
        assertThat(api.put("/users/ada/preferences/security", "{\"topic\": {\"status\": \"OPTED_OUT\"}}").status()).isEqualTo(400);

        // Back in, then out again the way a mail client does it: a POST to the List-Unsubscribe link, no login.
        api.put("/users/ada/preferences/product-news", "{\"topic\": {\"status\": \"OPTED_IN\"}}");
        URI oneClick = URI.create(unsubscribe.substring(1, unsubscribe.length() - 1));
        Http.Response posted = Http.to(herald.uri()).send("POST", oneClick.getRawPath() + "?" + oneClick.getRawQuery(),
                "List-Unsubscribe=One-Click", Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body()).contains("You're unsubscribed");
        assertThat(preference("product-news")).isEqualTo("OPTED_OUT");
        Http.Response forged = Http.to(herald.uri()).send("POST", oneClick.getRawPath() + "?u=ada&t=security&s=forged",
                "List-Unsubscribe=One-Click", Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(forged.status()).isEqualTo(403);
    }
}
