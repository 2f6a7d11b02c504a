package io.herald.bootstrap.system;

import com.sun.net.httpserver.HttpServer;
import io.herald.bootstrap.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code <herald-inbox>} on a product's own page (DESIGN §13), in headless Chromium: the page is served from another
 * origin (another port), loads the script from Herald, and reads the inbox with a client token its backend issued.
 * A send through the API appears without a reload within two seconds; clicking it marks it read and the badge drops.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedInboxIT {

    private static final String KEY = "embed-key";
    private static final String USER = "embed-alex";

    private Path directory;
    private HttpServer product;
    private HeraldProcess herald;
    private Http api;
    private volatile String page = "";

    @BeforeAll
    void start() throws IOException {
        product = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        product.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        product.start();
        String origin = "http://localhost:" + product.getAddress().getPort();
        directory = Files.createTempDirectory("herald-embedded-inbox");
        herald = new HeraldProcess(directory, Map.of("HERALD_AUTH_API_KEYS", KEY, "HERALD_CORS_ALLOWED_ORIGINS", origin)).start();
        api = Http.to(herald.uri()).withApiKey(KEY);
    }

    @AfterAll
    void stop() {
        if (herald != null) {
            herald.close();
        }
        if (product != null) {
            product.stop(0);
        }
        HeraldProcess.deleteDirectory(directory);
    }

    private static WebElement inShadow(WebElement host, String css) {
        SearchContext shadow = host.getShadowRoot();
        return shadow.findElement(By.cssSelector(css));
    }

    @Test
    void theComponentOnAnotherOriginShowsASendLiveAndAClickMarksItRead() {
        String token = api.post("/auth/issue-token", "{\"scope\": \"user_id:" + USER + " inbox:read:messages inbox:write:events\","
                + " \"expires_in\": \"1 hour\"}").json().path("token").asText();
        String heraldUrl = "http://localhost:" + herald.uri().getPort();
        page = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Acme app</title>
                <style>body{margin:0;font-family:system-ui,sans-serif;background:#f6f8fa}
                nav{display:flex;align-items:center;justify-content:space-between;padding:8px 24px;background:#fff;border-bottom:1px solid #d0d7de}
                main{padding:32px 24px;color:#57606a}</style>
                <script src="%s/embed/herald-inbox.js"></script></head>
                <body><nav><strong>Acme</strong><herald-inbox base-url="%s" user-id="%s" token="%s"></herald-inbox></nav>
                <main>Your projects</main></body></html>""".formatted(heraldUrl, heraldUrl, USER, token);

        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get("http://localhost:" + product.getAddress().getPort() + "/");
            WebElement inbox = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> browser.findElement(By.tagName("herald-inbox")), element -> element.getShadowRoot() != null);
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> inShadow(inbox, ".empty").getDomProperty("textContent"), text -> text.contains("caught up"));
            assertThat(inShadow(inbox, ".badge").isDisplayed()).as("nothing unread").isFalse();
            // The stream is open once the page has had its ready event; give it a moment before sending.
            await().pollDelay(Duration.ofMillis(500)).until(() -> true);

            Instant sent = Instant.now();
            assertThat(api.post("/send", """
                    {"message": {"to": {"user_id": "%s"}, "content": {"title": "Your export is ready", "body": "acme-projects.csv, 2.4 MB"},
                      "routing": {"method": "single", "channels": ["inbox"]}}}""".formatted(USER)).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                    .until(() -> inShadow(inbox, ".badge").getDomProperty("textContent"), "1"::equals);
            Duration shownAfter = Duration.between(sent, Instant.now());
            assertThat(shownAfter).as("live, without a reload").isLessThan(Duration.ofSeconds(2));

            inShadow(inbox, ".bell").click();
            assertThat(inShadow(inbox, ".title").getText()).isEqualTo("Your export is ready");
            HeadlessChromium.screenshot(browser, "embedded-inbox", 1280, 800);
            HeadlessChromium.screenshot(browser, "embedded-inbox", 390, 844);

            inShadow(inbox, ".item").click();
            await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> !inShadow(inbox, ".badge").isDisplayed());
            assertThat(api.get("/users/" + USER + "/inbox").json().path("unread_count").asLong()).isZero();
            assertThat(inShadow(inbox, "li").getAttribute("class")).isEqualTo("read");
        } finally {
            browser.quit();
        }
    }
}
