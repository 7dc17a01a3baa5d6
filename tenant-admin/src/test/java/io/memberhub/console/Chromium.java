package io.memberhub.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}, driven through its {@code chromedriver}), for
 * the console's journeys: scripts run, forms post, files upload as a merchant's browser does them.
 * Each instance is a fresh profile, so a fresh visitor. Screenshots go to {@code target/screenshots},
 * and also to {@code docs/screenshots} with {@code -Dmemberhub.screenshots.docs=true}.
 */
final class Chromium implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    static Chromium start() {
        Path binary = Path.of(System.getProperty("memberhub.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("memberhub.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(binary) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException("The console's browser tests need Chromium and its driver at " + binary + " and " + chromedriver
                    + ": install them with `apt-get install chromium chromium-driver` (.ci/run does), or point -Dmemberhub.chromium and "
                    + "-Dmemberhub.chromedriver at others");
        }
        try {
            Path profile = Files.createTempDirectory("memberhub-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(binary.toFile());
            // A merchant's browser in China: the console's default language, asked for as browsers ask.
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
            // Flags from STACK-NOTES: without the background-networking ones this machine's closed network refuses Chromium's own calls.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--lang=zh-CN", "--window-size=1280,900");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1280, 900));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(URI uri) {
        driver.get(uri.toString());
    }

    URI location() {
        return URI.create(driver.getCurrentUrl());
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Reloads until {@code css} shows {@code expected}: for what the platform finishes in the
     * background (a level review after an import), as a person would press F5.
     */
    void waitForText(String css, String expected) {
        wait.until(d -> {
            java.util.List<WebElement> found = d.findElements(By.cssSelector(css));
            if (!found.isEmpty() && expected.equals(found.get(0).getText().strip())) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String text(String css) {
        return find(css).getText();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void choose(String css, String visibleText) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByVisibleText(visibleText);
    }

    /** Clicks, then waits until the page the click leads to shows {@code arrivedCss}. */
    void click(String css, String arrivedCss) {
        find(css).click();
        find(arrivedCss);
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Puts a file into a file input, as choosing it in the dialog would. */
    void attach(String css, Path file) {
        driver.findElement(By.cssSelector(css)).sendKeys(file.toAbsolutePath().toString());
    }

    /**
     * Keycloak's own sign-in page: fills it in and signs in. With organizations on, Keycloak may ask
     * for the email first and the password on a second page, or, given the email as a login hint,
     * show it and ask only for the password.
     */
    void signInAtKeycloak(String email, String password) {
        find("#kc-form-login");
        if (has("#username")) {
            WebElement username = driver.findElement(By.cssSelector("#username"));
            if (!email.equals(username.getAttribute("value"))) {
                username.clear();
                username.sendKeys(email);
            }
            if (!has("#password")) {
                click("#kc-login", "#password");
            }
        }
        type("#password", password);
        click("#kc-login");
    }

    /** Saves the whole page as {@code <name>.png}, below the fold included. */
    void screenshot(String name) {
        try {
            byte[] png = fullPage();
            Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
            Files.write(target, png);
            if (Boolean.getBoolean("memberhub.screenshots.docs")) {
                Files.write(Files.createDirectories(Path.of("..", "docs", "screenshots")).resolve(name + ".png"), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DevTools' own capture, the page's full height (a WebDriver screenshot stops at the window). */
    @SuppressWarnings("unchecked")
    private byte[] fullPage() {
        java.util.Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", java.util.Map.of());
        java.util.Map<String, Object> size = (java.util.Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        java.util.Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", java.util.Map.of("format", "png",
                "captureBeyondViewport", true, "clip", java.util.Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return java.util.Base64.getDecoder().decode((String) shot.get("data"));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a profile left in /tmp is harmless
            }
        }
    }
}
