package io.herald.bootstrap.system;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's chromium driven through its own chromedriver, both named explicitly so that Selenium never tries to
 * download a browser. Where they are missing the browser tests are skipped and say why, unless
 * {@code HERALD_BROWSER_TESTS=required} (CI sets it after installing them): then a missing browser fails the build.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    static WebDriver start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String why = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)";
            if ("required".equals(System.getenv("HERALD_BROWSER_TESTS"))) {
                throw new IllegalStateException(why + ", and HERALD_BROWSER_TESTS=required");
            }
            Assumptions.abort("Skipped: " + why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
                "--window-size=1280,800", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Sizes the window so that the page's viewport is {@code width}×{@code height}: the window's frame takes some of it. */
    static void resize(WebDriver browser, int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        Number innerWidth = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
        Number innerHeight = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerHeight;");
        browser.manage().window().setSize(new Dimension(2 * width - innerWidth.intValue(), 2 * height - innerHeight.intValue()));
    }

    /** A screenshot of the page at {@code width}×{@code height}, under target/screenshots, to be looked at. */
    static Path screenshot(WebDriver browser, String name, int width, int height) {
        resize(browser, width, height);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + "-" + width + "x" + height + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
