package io.herald.bootstrap.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console served by the packaged jar: what an anonymous caller gets, and an operator's journey in a real
 * headless chromium (sign in, watch a send arrive live, read its story and what the recipient saw, stand in for the
 * recipient, look the user up), with screenshots of each page at a desktop and a phone size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT {

    private static final String KEY = "console-it-admin-key-0123456789";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("herald_console=([^;]+)");

    private Path workingDirectory;
    private HeraldProcess herald;
    private Http api;

    @BeforeAll
    void start() throws IOException {
        workingDirectory = Files.createTempDirectory("herald-console-it");
        herald = new HeraldProcess(workingDirectory, Map.of("HERALD_AUTH_API_KEYS", KEY)).start();
        api = Http.to(herald.uri()).withApiKey(KEY);
    }

    @AfterAll
    void stop() {
        herald.close();
        HeraldProcess.deleteDirectory(workingDirectory);
    }

    @Test
    void everyConsoleRouteWithoutASessionGoesToTheLoginPageAndNoKeyOpensIt() {
        Http anonymous = Http.to(herald.uri());
        for (String path : List.of("/console", "/console/messages", "/console/messages/any-id", "/console/messages/changes",
                "/console/messages/any-id/preview/email", "/console/users", "/console/users/ada", "/console/analytics")) {
            Http.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(303);
            assertThat(response.header("Location")).as(path).startsWith("/console/login?next=");
        }
        Http.Response post = anonymous.send("POST", "/console/messages/any-id/cancel", "_csrf=x", form());
        assertThat(post.status()).isEqualTo(303);
        assertThat(post.header("Location")).startsWith("/console/login");
        assertThat(anonymous.send("GET", "/console", null, Map.of("Cookie", "herald_console=v1.forged.4102444800.tag.sig")).status())
                .as("a forged session").isEqualTo(303);
        assertThat(anonymous.send("GET", "/console", null, Map.of("Authorization", "Bearer " + KEY)).status())
                .as("an API key is not a session").isEqualTo(303);
        assertThat(anonymous.get("/console/login").status()).isEqualTo(200);
        assertThat(anonymous.get("/console/assets/console.css").status()).isEqualTo(200);

        Http.Response wrongKey = anonymous.send("POST", "/console/login", "key=not-the-key", form());
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.header("Set-Cookie")).isNull();
        assertThat(wrongKey.body()).contains("That is not an admin key");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(herald.output()).contains("Console sign-in refused"));
        assertThat(herald.output()).as("the key presented is never logged").doesNotContain("not-the-key");
    }

    @Test
    void aFormPostWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        String message = send("{\"to\":{\"email\":\"csrf@example.org\"},\"content\":{\"title\":\"Hi\",\"body\":\"Later\"},"
                + "\"delay\":{\"duration\":600000}}");
        Http.Response login = Http.to(herald.uri()).send("POST", "/console/login", "key=" + KEY, form());
        assertThat(login.status()).isEqualTo(303);
        Matcher session = SESSION.matcher(login.header("Set-Cookie"));
        assertThat(session.find()).isTrue();
        Map<String, String> cookie = Map.of("Cookie", "herald_console=" + session.group(1));
        Http console = Http.to(herald.uri());
        Matcher token = CSRF.matcher(console.send("GET", "/console/messages/" + message, null, cookie).body());
        assertThat(token.find()).as("the page carries its token").isTrue();

        for (String body : List.of("", "_csrf=", "_csrf=not-the-token")) {
            Http.Response refused = console.send("POST", "/console/messages/" + message + "/cancel", body, with(cookie, form()));
            assertThat(refused.status()).as("body '%s'", body).isEqualTo(403);
        }
        assertThat(api.get("/messages/" + message).json().path("status").asText()).isEqualTo("DELAYED");

        Http.Response accepted = console.send("POST", "/console/messages/" + message + "/cancel", "_csrf=" + token.group(1), with(cookie, form()));
        assertThat(accepted.status()).isEqualTo(303);
        assertThat(api.get("/messages/" + message).json().path("status").asText()).isEqualTo("CANCELED");

        // The audit trail names the admin key behind the session, for the sign-in and the cancel, and not the refused posts.
        String actor = "key_" + HexFormat.of().formatHex(sha256(KEY)).substring(0, 12);
        List<JsonNode> audited = new ArrayList<>();
        api.get("/audit-events").json().path("results").forEach(event -> {
            if (event.path("source").asText().equals("console")) {
                audited.add(event);
            }
        });
        String cancel = "/console/messages/" + message + "/cancel";
        assertThat(audited).filteredOn(event -> event.path("target").asText().equals(cancel)).singleElement().satisfies(event -> {
            assertThat(event.path("type").asText()).isEqualTo("POST /console/messages/{id}/cancel");
            assertThat(event.path("actor").path("id").asText()).isEqualTo(actor);
        });
        assertThat(audited).filteredOn(event -> event.path("type").asText().equals("POST /console/login"))
                .allSatisfy(event -> assertThat(event.path("actor").path("id").asText()).isEqualTo(actor)).isNotEmpty();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOperatorFollowsASendFromTheLiveLogToTheRecipientsPage() {
        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get(herald.uri().resolve("/console/login") + "?next=/console/messages");
            HeadlessChromium.screenshot(browser, "login", 1280, 800);
            HeadlessChromium.screenshot(browser, "login", 390, 844);
            HeadlessChromium.resize(browser, 1280, 800);
            browser.findElement(By.id("key")).sendKeys(KEY);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/console/messages"));
            markPage(browser);

            assertThat(api.put("/profiles/ada", "{\"profile\":{\"email\":\"ada@example.org\",\"name\":\"Ada Lovelace\",\"locale\":\"en-GB\"}}").status())
                    .isEqualTo(200);
            assertThat(api.put("/users/ada/preferences/product-news", "{\"topic\":{\"status\":\"OPTED_OUT\"}}").status()).isEqualTo(200);
            String welcome = send("{\"to\":{\"user_id\":\"ada\"},\"content\":{\"title\":\"Welcome {{name}}\",\"body\":\"Your account is ready.\"},"
                    + "\"data\":{\"name\":\"Ada\"}}");
            By welcomeRow = By.cssSelector("tr[data-message-id='" + welcome + "']");
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.findElement(welcomeRow).getText()).contains("sent").contains("ada").contains("console"));
            assertThat(pageWasNotReloaded(browser)).as("the row arrived without a reload").isTrue();
            List<String> receipts = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                receipts.add(send("{\"to\":{\"email\":\"user" + i + "@example.org\"},\"content\":{\"title\":\"Receipt " + i + "\",\"body\":\"Thanks\"}}"));
            }
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.findElements(By.cssSelector("tr[data-message-id]")).stream().map(row -> row.getAttribute("data-message-id")))
                            .containsAll(receipts).contains(welcome));
            HeadlessChromium.screenshot(browser, "messages", 1280, 800);
            HeadlessChromium.screenshot(browser, "messages", 390, 844);
            HeadlessChromium.resize(browser, 1280, 800);

            // The live log may swap its rows while the link is clicked: click again on the fresh row then.
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> browser.findElement(welcomeRow).findElement(By.linkText(welcome)).click());
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/console/messages/" + welcome));
            List<String> story = browser.findElements(By.cssSelector(".timeline li strong")).stream().map(WebElement::getText).toList();
            assertThat(story).containsSubsequence("Enqueued", "Routed", "Rendered on email", "Sent on email by console");
            assertThat(browser.findElement(By.cssSelector(".output-email .subject")).getText()).contains("Welcome Ada");
            browser.switchTo().frame(browser.findElement(By.cssSelector("iframe[title='Email as rendered']")));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Your account is ready.");
            browser.switchTo().defaultContent();

            browser.findElement(By.xpath("//button[normalize-space()='Mark opened']")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(browser.findElement(By.id("status")).getText()).contains("opened"));
            assertThat(browser.findElements(By.cssSelector(".timeline li strong")).stream().map(WebElement::getText)).contains("Opened on email");
            assertThat(api.get("/messages/" + welcome).json().path("status").asText()).isEqualTo("OPENED");
            HeadlessChromium.screenshot(browser, "message", 1280, 800);
            HeadlessChromium.screenshot(browser, "message", 390, 844);
            HeadlessChromium.resize(browser, 1280, 800);

            String later = send("{\"to\":{\"user_id\":\"ada\"},\"content\":{\"title\":\"Reminder\",\"body\":\"Soon\"},\"delay\":{\"duration\":2500}}");
            browser.get(herald.uri().resolve("/console/messages/" + later).toString());
            assertThat(browser.findElement(By.id("status")).getText()).contains("delayed");
            markPage(browser);
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> assertThat(browser.findElement(By.id("status")).getText()).contains("sent"));
            assertThat(pageWasNotReloaded(browser)).as("the status changed without a reload").isTrue();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.findElement(By.cssSelector(".output-email .subject")).getText()).contains("Reminder"));
            assertThat(pageWasNotReloaded(browser)).as("the rendered email arrived without a reload").isTrue();

            browser.findElement(By.xpath("//button[normalize-space()='Resend']")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().contains("/console/messages/")
                    && !browser.getCurrentUrl().endsWith("/" + later));
            String resent = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(browser.findElement(By.id("status")).getText()).contains("sent"));
            assertThat(api.get("/messages/" + resent).json().path("recipient").asText()).as("the resend, through the API").isEqualTo("ada");

            assertThat(api.put("/users/ada/tokens/fcm-token-0123456789abcdef", "{\"provider_key\":\"firebase-fcm\","
                    + "\"device\":{\"platform\":\"android\",\"model\":\"Pixel 8\"}}").status()).isBetween(200, 204);
            assertThat(api.put("/lists/beta-testers/subscriptions/ada", "{}").status()).isBetween(200, 204);
            String note = send("{\"to\":{\"user_id\":\"ada\"},\"content\":{\"title\":\"Your export is ready\",\"body\":\"Download it\"},"
                    + "\"routing\":{\"method\":\"single\",\"channels\":[\"inbox\"]}}");
            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(api.get("/messages/" + note).json().path("status").asText()));
            Http.Response invoked = api.post("/automations/invoke", "{\"recipient\":\"ada\",\"automation\":{\"steps\":["
                    + "{\"action\":\"update-profile\",\"profile\":{\"beta\":true}}]}}");
            assertThat(invoked.status()).as(invoked.body()).isBetween(200, 202);
            String run = invoked.json().path("runId").asText();
            assertThat(api.post("/v1/track", "{\"userId\":\"ada\",\"event\":\"Export Requested\",\"messageId\":\"console-it-export\"}").status())
                    .isEqualTo(200);

            browser.findElement(By.cssSelector("#live a[href='/console/users/ada']")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/console/users/ada"));
            String userPage = browser.findElement(By.tagName("main")).getText();
            assertThat(userPage).contains("ada@example.org").contains("Ada Lovelace").contains("product-news").contains("opted out");
            assertThat(userPage).as("the device, by the end of its token only").contains("firebase-fcm").contains("…abcdef")
                    .contains("android Pixel 8").doesNotContain("fcm-token-0123456789abcdef").contains("beta-testers");
            assertThat(browser.findElement(By.cssSelector("tr[data-inbox-id='" + note + "']")).getText())
                    .contains("Your export is ready").contains("unread");
            assertThat(browser.findElement(By.cssSelector("tr[data-run-id='" + run + "']")).getText()).contains("ada");
            assertThat(userPage).as("the user's recent Segment events").contains("Export Requested");
            assertThat(browser.findElements(By.cssSelector("tr[data-message-id]")).stream().map(row -> row.getAttribute("data-message-id")))
                    .containsExactly(note, resent, later, welcome);
            HeadlessChromium.screenshot(browser, "user", 1280, 800);
            HeadlessChromium.screenshot(browser, "user-whole", 1280, 1400);
            HeadlessChromium.screenshot(browser, "user", 390, 844);
            HeadlessChromium.resize(browser, 1280, 800);

            browser.findElement(By.linkText("Overview")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/console"));
            // Every message of this test has been sent, and one opened; other tests of the class send through the same Herald.
            long sentOrLater = List.of("SENT", "DELIVERED", "OPENED", "CLICKED").stream().mapToLong(this::countWithStatus).sum();
            assertThat(browser.findElement(By.cssSelector(".tiles")).getText()).contains(sentOrLater + "\nSent")
                    .contains(countWithStatus("OPENED") + countWithStatus("CLICKED") + "\nOpened");
            assertThat(sentOrLater).isGreaterThanOrEqualTo(5);
            HeadlessChromium.screenshot(browser, "overview", 1280, 800);
            HeadlessChromium.screenshot(browser, "overview", 390, 844);
            HeadlessChromium.resize(browser, 1280, 800);

            browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().contains("/console/login"));
            browser.get(herald.uri().resolve("/console/messages").toString());
            assertThat(browser.getCurrentUrl()).as("signed out").contains("/console/login");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anOperatorWritesATemplateSeesItsErrorInlineFixesItAndSavesIt() {
        WebDriver browser = HeadlessChromium.start();
        try {
            signIn(browser, "/console/templates");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("No templates yet");
            browser.findElement(By.name("new")).sendKeys("order-shipped");
            browser.findElement(By.xpath("//button[normalize-space()='Create']")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.findElement(By.cssSelector("#preview .output-email .subject")).getText()).contains("Welcome, Ada!"));

            WebElement body = browser.findElement(By.id("body"));
            body.clear();
            body.sendKeys("{\"name\": \"Order shipped\", \"channels\": {\"email\": {\"subject\": \"Shipped, {{#if first_name}}\", \"text\": \"Hi\"}}}");
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.findElement(By.id("template-error")).getText())
                            .contains("channels.email.subject").contains("not a valid Handlebars template"));
            HeadlessChromium.screenshot(browser, "template-error", 1280, 800);
            HeadlessChromium.resize(browser, 1280, 800);

            body.clear();
            body.sendKeys("{\"name\": \"Order shipped\", \"events\": [\"Order Shipped\"], \"channels\": {"
                    + "\"email\": {\"subject\": \"Shipped, {{first_name}}\", \"html\": \"<p>Order <b>{{order.id}}</b> is on its way</p>\"},"
                    + " \"sms\": {\"body\": \"Order {{order.id}} shipped\"}}}");
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
                assertThat(browser.findElements(By.id("template-error"))).isEmpty();
                assertThat(browser.findElement(By.cssSelector("#preview .output-email .subject")).getText()).contains("Shipped, Ada");
                assertThat(browser.findElement(By.cssSelector("#preview .output-sms .bubble")).getText()).isEqualTo("Order 1042 shipped");
            });
            browser.switchTo().frame(browser.findElement(By.cssSelector("#preview iframe")));
            assertThat(browser.findElement(By.tagName("b")).getText()).isEqualTo("1042");
            browser.switchTo().defaultContent();
            HeadlessChromium.screenshot(browser, "template", 1280, 800);
            HeadlessChromium.screenshot(browser, "template", 390, 844);
            HeadlessChromium.resize(browser, 1280, 800);

            browser.findElement(By.xpath("//button[normalize-space()='Save template']")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).contains("Saved"));
            Http.Response saved = api.get("/templates/order-shipped");
            assertThat(saved.status()).isEqualTo(200);
            assertThat(saved.body()).contains("Shipped, {{first_name}}").contains("Order Shipped");

            HeadlessChromium.screenshot(browser, "template-saved", 1280, 1000);
            HeadlessChromium.resize(browser, 1280, 800);
            assertThat(api.put("/profiles/grace", "{\"profile\":{\"email\":\"grace@example.org\"}}").status()).isEqualTo(200);
            browser.findElement(By.id("profile")).sendKeys("grace");
            browser.findElement(By.xpath("//button[normalize-space()='Send a test to this user']")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.getCurrentUrl().contains("/console/messages/"));
            String test = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.findElement(By.id("status")).getText()).contains("sent"));
            JsonNode tested = api.get("/messages/" + test).json();
            assertThat(tested.path("notification").asText()).isEqualTo("order-shipped");
            assertThat(tested.path("recipient").asText()).isEqualTo("grace");
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.findElement(By.cssSelector(".output-email .subject")).getText()).as("with the sample data")
                            .contains("Shipped, Ada"));
            browser.navigate().back();

            browser.findElement(By.linkText("Templates")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.findElement(By.cssSelector("tr[data-template-id='order-shipped']")).getText()).contains("email, sms"));
            HeadlessChromium.screenshot(browser, "templates", 1280, 800);
            HeadlessChromium.screenshot(browser, "templates", 390, 844);
        } finally {
            browser.quit();
        }
    }

    @Test
    void anAutomationsFlowShowsHowManyRunsPassedSkippedAndWaitAtEachStep() {
        assertThat(api.put("/automations/onboarding", """
                {"name": "Onboarding", "steps": [
                  {"action": "send", "content": {"title": "Hi", "body": "Welcome aboard"}, "ref": "hello"},
                  {"action": "send", "if": "data.plan == 'pro'", "content": {"title": "Pro tips", "body": "Three things"}},
                  {"action": "delay", "duration": "2 hours"},
                  {"action": "send", "content": {"title": "How is it going?", "body": "Tell us"}}]}""").status()).isEqualTo(200);
        String pro = invoke("kim", "pro");
        String free = invoke("lee", "free");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(api.get("/automations/runs/" + pro).json().path("status").asText()).isEqualToIgnoringCase("WAITING");
            assertThat(api.get("/automations/runs/" + free).json().path("status").asText()).isEqualToIgnoringCase("WAITING");
        });

        WebDriver browser = HeadlessChromium.start();
        try {
            signIn(browser, "/console/automations");
            browser.findElement(By.linkText("onboarding")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/console/automations/onboarding"));
            assertThat(counts(browser, 1)).isEqualTo("0 waiting 2 passed 0 skipped 0 failed");
            assertThat(counts(browser, 2)).isEqualTo("0 waiting 1 passed 1 skipped 0 failed");
            assertThat(counts(browser, 3)).isEqualTo("2 waiting 0 passed 0 skipped 0 failed");
            assertThat(counts(browser, 4)).isEqualTo("0 waiting 0 passed 0 skipped 0 failed");
            assertThat(browser.findElement(By.cssSelector("li[data-step='2']")).getText()).contains("if data.plan == 'pro'");
            assertThat(browser.findElements(By.cssSelector("tr[data-run-id]")).stream().map(row -> row.getAttribute("data-run-id")))
                    .containsExactlyInAnyOrder(pro, free);
            HeadlessChromium.screenshot(browser, "automation", 1280, 800);
            HeadlessChromium.screenshot(browser, "automation", 390, 844);
            HeadlessChromium.resize(browser, 1280, 800);

            browser.findElement(By.linkText(pro)).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/console/automations/runs/" + pro));
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("waiting");
            HeadlessChromium.screenshot(browser, "run", 1280, 800);
            HeadlessChromium.screenshot(browser, "run", 390, 844);
            HeadlessChromium.resize(browser, 1280, 800);
            List<WebElement> sent = browser.findElements(By.cssSelector("tr[data-step] a[href^='/console/messages/']"));
            assertThat(sent).hasSize(2);
            sent.get(0).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/console/messages/"));
            assertThat(browser.findElement(By.cssSelector(".summary")).getText()).contains("kim");
        } finally {
            browser.quit();
        }
    }

    /** What the API reports: the number of messages with {@code status}, across pages. */
    private long countWithStatus(String status) {
        long count = 0;
        String cursor = "";
        do {
            var page = api.get("/messages?status=" + status + "&limit=100" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).json();
            count += page.path("results").size();
            cursor = page.path("paging").path("more").asBoolean() ? page.path("paging").path("cursor").asText() : "";
        } while (!cursor.isEmpty());
        return count;
    }

    private String invoke(String recipient, String plan) {
        Http.Response invoked = api.post("/automations/onboarding/invoke", "{\"recipient\": \"" + recipient + "\", \"data\": {\"plan\": \"" + plan
                + "\"}, \"profile\": {\"email\": \"" + recipient + "@example.org\"}}");
        assertThat(invoked.status()).as(invoked.body()).isEqualTo(202);
        return invoked.json().path("runId").asText();
    }

    private static String counts(WebDriver browser, int step) {
        return browser.findElement(By.cssSelector("li[data-step='" + step + "'] .counts")).getText().replace("\n", " ");
    }

    @Test
    void theApiReferenceIsAnOpenApi3DocumentWithTheCourierBodiesAndAPageThatRendersIt() {
        Http anonymous = Http.to(herald.uri());
        Http.Response document = anonymous.get("/openapi.yml");
        assertThat(document.status()).isEqualTo(200);
        Map<String, Object> openApi = new org.yaml.snakeyaml.Yaml().load(document.body());
        assertThat(String.valueOf(openApi.get("openapi"))).startsWith("3.");
        Map<String, Object> paths = map(openApi, "paths");
        assertThat(paths).containsKeys("/send", "/profiles/{user_id}", "/messages", "/automations/invoke", "/automations/{automation_id}/invoke");
        assertThat(requestSchema(paths, "/send", "post")).isEqualTo("#/components/schemas/SendRequest");
        assertThat(requestSchema(paths, "/profiles/{user_id}", "put")).isEqualTo("#/components/schemas/ProfileBody");
        assertThat(requestSchema(paths, "/profiles/{user_id}", "patch")).isEqualTo("#/components/schemas/ProfilePatch");
        assertThat(requestSchema(paths, "/automations/invoke", "post")).isEqualTo("#/components/schemas/InvokeRequest");
        Map<String, Object> schemas = map(map(openApi, "components"), "schemas");
        assertThat(map(map(schemas, "SendRequest"), "properties")).containsKey("message");
        assertThat(map(map(schemas, "InvokeRequest"), "properties")).containsKeys("recipient", "data", "profile", "automation");
        String listed = String.valueOf(map(map(map(map(map(paths, "/messages"), "get"), "responses"), "200"), "content"));
        assertThat(listed).contains("#/components/schemas/MessageList");
        java.util.regex.Matcher refs = Pattern.compile("#/components/schemas/([A-Za-z.]+)").matcher(document.body());
        while (refs.find()) {
            assertThat(schemas).as("every reference resolves").containsKey(refs.group(1));
        }

        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get(herald.uri().resolve("/docs").toString());
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Herald").contains("/send"));
            HeadlessChromium.screenshot(browser, "docs", 1280, 800);
            HeadlessChromium.screenshot(browser, "docs", 390, 844);
        } finally {
            browser.quit();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    private static String requestSchema(Map<String, Object> paths, String path, String method) {
        return String.valueOf(map(map(map(map(map(map(paths, path), method), "requestBody"), "content"), "application/json"), "schema").get("$ref"));
    }

    @Test
    void theEventsPageShowsWhatCameInFromSegmentAndTheProvidersPageHowEachProviderIsDoing() {
        assertThat(api.post("/v1/identify", "{\"userId\": \"noor\", \"traits\": {\"email\": \"noor@example.org\"}}").status()).isEqualTo(200);
        assertThat(api.post("/v1/track", "{\"userId\": \"noor\", \"event\": \"Nothing Mapped\", \"properties\": {}}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/inbound/events?status=RECEIVED").json().path("results").size()).isZero());

        WebDriver browser = HeadlessChromium.start();
        try {
            signIn(browser, "/console/events");
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
                String events = browser.findElement(By.tagName("tbody")).getText();
                assertThat(events).contains("identify").contains("track").contains("Nothing Mapped").contains("noor");
            });
            browser.findElement(By.cssSelector("select[name=status] option[value=UNMAPPED]")).click();
            browser.findElement(By.xpath("//button[normalize-space()='Filter']")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
                assertThat(browser.getCurrentUrl()).contains("status=UNMAPPED");
                assertThat(browser.findElements(By.cssSelector("tr[data-event-id]"))).isNotEmpty()
                        .allSatisfy(row -> assertThat(row.getText()).contains("unmapped"));
            });
            HeadlessChromium.screenshot(browser, "events", 1280, 800);
            HeadlessChromium.screenshot(browser, "events", 390, 844);
            HeadlessChromium.resize(browser, 1280, 800);

            browser.findElement(By.linkText("Providers")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(browser.findElement(By.cssSelector("tr[data-provider='console']")).getText()).contains("closed").contains("email"));
            assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(KEY);
            assertThat(browser.findElement(By.cssSelector("[data-provider-settings='console']")).getText()).contains("delivers");
            HeadlessChromium.screenshot(browser, "providers", 1280, 800);
            HeadlessChromium.screenshot(browser, "providers", 390, 844);
        } finally {
            browser.quit();
        }
    }

    @Test
    void theAnalyticsPageCountsEachStepOfTheFunnelAsTheMessagesApiReportsItPerTemplateAndChannel() {
        assertThat(api.put("/templates/weekly-digest", "{\"name\": \"Weekly digest\", \"channels\": {\"email\": "
                + "{\"subject\": \"Your week\", \"text\": \"Three things happened\"}}}").status()).isEqualTo(200);
        WebDriver browser = HeadlessChromium.start();
        try {
            List<String> digests = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                digests.add(send("{\"to\":{\"email\":\"reader" + i + "@example.org\"},\"template\":\"weekly-digest\"}"));
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(digests)
                    .allSatisfy(id -> assertThat(api.get("/messages/" + id).json().path("status").asText()).isEqualTo("SENT")));
            signIn(browser, "/console/messages/" + digests.get(0));
            for (String[] engagement : List.of(new String[] {digests.get(0), "opened"}, new String[] {digests.get(1), "opened"},
                    new String[] {digests.get(1), "clicked"})) {
                browser.get(herald.uri().resolve("/console/messages/" + engagement[0]).toString());
                browser.findElement(By.xpath("//button[normalize-space()='Mark " + engagement[1] + "']")).click();
                await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                        assertThat(browser.findElement(By.id("status")).getText()).contains(engagement[1]));
            }

            browser.findElement(By.linkText("Analytics")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/console/analytics"));
            Map<String, Long> everything = reported("");
            assertThat(stages(browser)).as("the funnel of every message, as GET /messages reports them").isEqualTo(everything);
            assertThat(groupFigures(browser, "weekly-digest")).as("enqueued, sent, delivered, opened, clicked, undeliverable")
                    .isEqualTo(List.of("4", "4", "0", "2", "1", "0"));
            assertThat(browser.findElements(By.cssSelector("svg[role=img] rect[class^=bar-] title"))).as("four bars a day for 14 days")
                    .hasSize(4 * 14);
            HeadlessChromium.screenshot(browser, "analytics", 1280, 800);
            HeadlessChromium.screenshot(browser, "analytics-whole", 1280, 1500);
            HeadlessChromium.screenshot(browser, "analytics", 390, 844);
            HeadlessChromium.resize(browser, 1280, 800);

            browser.findElement(By.linkText("weekly-digest")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("value=weekly-digest"));
            assertThat(stages(browser)).isEqualTo(reported("notification=weekly-digest"));
            assertThat(browser.findElement(By.cssSelector("li[data-stage=opened] .stage-share")).getText()).isEqualTo("50.0% of sent");
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            assertThat(browser.findElements(By.cssSelector("tr[data-day='" + today + "'] td")).stream()
                    .map(cell -> cell.getAttribute("textContent").trim()).toList()).containsExactly("4", "4", "0", "2", "1", "0", "50.0%");

            browser.findElement(By.cssSelector("select[name=by] option[value=channel]")).click();
            browser.findElement(By.name("value")).clear();
            browser.findElement(By.cssSelector("select[name=days] option[value='7']")).click();
            browser.findElement(By.xpath("//button[normalize-space()='Show']")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("by=channel"));
            assertThat(browser.findElement(By.id("groups-heading")).getText()).isEqualTo("By channel");
            Map<String, Long> byEmail = reported("", message -> "email".equals(message.path("channel").asText()));
            assertThat(groupFigures(browser, "email")).as("every message routed went out by email")
                    .startsWith(String.valueOf(byEmail.get("Enqueued")), String.valueOf(byEmail.get("Sent")));
            assertThat(browser.findElements(By.cssSelector("svg[role=img] rect[class^=bar-]"))).hasSize(4 * 7);

            browser.get(herald.uri().resolve("/console/analytics?by=template&value=no-such-template&days=365").toString());
            assertThat(browser.findElement(By.cssSelector(".empty")).getText()).contains("No messages were enqueued in this period");
            assertThat(browser.findElement(By.cssSelector("select[name=days] option[selected]")).getAttribute("value"))
                    .as("a period the form does not offer shows the default").isEqualTo("14");
        } finally {
            browser.quit();
            api.delete("/templates/weekly-digest");
        }
    }

    @Test
    void theMessageLogFiltersByChannelProviderAndEnqueueTime() {
        String bySms = send("{\"to\":{\"phone_number\":\"+15555550123\"},\"content\":{\"title\":\"Code\",\"body\":\"Your code is 4242\"}}");
        String byEmail = send("{\"to\":{\"email\":\"filters@example.org\"},\"content\":{\"title\":\"Hi\",\"body\":\"There\"}}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(List.of(bySms, byEmail))
                .allSatisfy(id -> assertThat(api.get("/messages/" + id).json().path("status").asText()).isEqualTo("SENT")));
        WebDriver browser = HeadlessChromium.start();
        try {
            signIn(browser, "/console/messages");
            browser.findElement(By.cssSelector("select[name=channel] option[value=sms]")).click();
            browser.findElement(By.name("provider")).sendKeys("console");
            browser.findElement(By.xpath("//button[normalize-space()='Filter']")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("channel=sms"));
            List<String> smsListed = listedIds(browser);
            assertThat(smsListed).contains(bySms).doesNotContain(byEmail)
                    .containsExactlyElementsOf(apiIds(message -> "sms".equals(message.path("channel").asText())));
            HeadlessChromium.screenshot(browser, "messages-filtered", 1280, 800);

            browser.get(herald.uri().resolve("/console/messages?channel=push").toString());
            assertThat(browser.findElement(By.cssSelector(".empty")).getText()).contains("No message matches these filters");

            String sent = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC)
                    .format(java.time.Instant.ofEpochMilli(api.get("/messages/" + bySms).json().path("enqueued").asLong()));
            browser.get(herald.uri().resolve("/console/messages?from=" + sent).toString());
            assertThat(listedIds(browser)).as("enqueued from the second of the SMS on").contains(bySms, byEmail)
                    .containsExactlyElementsOf(apiIds(message -> !message.path("enqueued").asText().isEmpty()
                            && message.path("enqueued").asLong() >= java.time.Instant.parse(sent + "Z").toEpochMilli()));
            browser.get(herald.uri().resolve("/console/messages?until=" + sent).toString());
            assertThat(listedIds(browser)).as("enqueued before it").doesNotContain(bySms, byEmail);
            assertThat(browser.findElement(By.name("until")).getAttribute("value")).as("the form shows the filter").startsWith(sent.substring(0, 16));
        } finally {
            browser.quit();
        }
    }

    private static List<String> listedIds(WebDriver browser) {
        return browser.findElements(By.cssSelector("tr[data-message-id]")).stream().map(row -> row.getAttribute("data-message-id")).toList();
    }

    /** The ids GET /messages lists (its first 100, newest first) that {@code which} keeps. */
    private List<String> apiIds(java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> which) {
        List<String> ids = new java.util.ArrayList<>();
        for (var message : api.get("/messages?limit=100").json().path("results")) {
            if (which.test(message)) {
                ids.add(message.path("id").asText());
            }
        }
        return ids;
    }

    /** The summary funnel's counts by step name. */
    private static Map<String, Long> stages(WebDriver browser) {
        Map<String, Long> stages = new java.util.LinkedHashMap<>();
        for (WebElement stage : browser.findElements(By.cssSelector(".funnel li"))) {
            stages.put(stage.findElement(By.className("stage-name")).getText(),
                    Long.parseLong(stage.findElement(By.className("stage-count")).getText().replace(",", "")));
        }
        return stages;
    }

    private static List<String> groupFigures(WebDriver browser, String group) {
        return browser.findElements(By.cssSelector("tr[data-group='" + group + "'] td")).stream().limit(6).map(WebElement::getText).toList();
    }

    /** The funnel as counted from {@code GET /messages}: every message listed, and those with each milestone's time. */
    private Map<String, Long> reported(String filter) {
        return reported(filter, message -> true);
    }

    private Map<String, Long> reported(String filter, java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> which) {
        Map<String, Long> counted = new java.util.LinkedHashMap<>();
        List.of("Enqueued", "Sent", "Delivered", "Opened", "Clicked").forEach(step -> counted.put(step, 0L));
        String cursor = "";
        do {
            var page = api.get("/messages?limit=100" + (filter.isEmpty() ? "" : "&" + filter) + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).json();
            for (var message : page.path("results")) {
                if (!which.test(message)) {
                    continue;
                }
                counted.merge("Enqueued", 1L, Long::sum);
                for (String step : List.of("Sent", "Delivered", "Opened", "Clicked")) {
                    counted.merge(step, message.hasNonNull(step.toLowerCase(java.util.Locale.ROOT)) ? 1L : 0L, Long::sum);
                }
            }
            cursor = page.path("paging").path("more").asBoolean() ? page.path("paging").path("cursor").asText() : "";
        } while (!cursor.isEmpty());
        return counted;
    }

    private void signIn(WebDriver browser, String next) {
        browser.get(herald.uri().resolve("/console/login") + "?next=" + next);
        browser.findElement(By.id("key")).sendKeys(KEY);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith(next));
    }

    private String send(String message) {
        Http.Response sent = api.post("/send", "{\"message\":" + message + "}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        return sent.json().path("requestId").asText();
    }

    /** Leaves a mark in the page's window that a reload would wipe. */
    private static void markPage(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("window.heraldTestMark = 'still here';");
    }

    private static boolean pageWasNotReloaded(WebDriver browser) {
        return "still here".equals(((JavascriptExecutor) browser).executeScript("return window.heraldTestMark;"));
    }

    private static Map<String, String> form() {
        return Map.of("Content-Type", "application/x-www-form-urlencoded");
    }

    private static Map<String, String> with(Map<String, String> first, Map<String, String> second) {
        Map<String, String> both = new java.util.HashMap<>(first);
        both.putAll(second);
        return both;
    }
}
