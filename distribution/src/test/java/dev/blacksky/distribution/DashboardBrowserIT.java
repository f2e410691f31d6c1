package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, which {@code .ci/run}
 * installs), driven by Selenium against the packaged bot.
 */
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path tmp;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER))
                .as("the dashboard tests need Debian's chromium and chromium-driver (sudo apt-get install chromium"
                        + " chromium-driver); .ci/run installs them").isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + tmp.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting(int seconds) {
        // The page redraws its tables every two seconds: an element found just before may be gone.
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void an_outage_shows_reconnecting_with_a_rising_attempt_count_and_is_still_there_after_a_restart() throws Exception {
        String outage = """
                blacksky.transport = simulated
                blacksky.connection.rehearsal-network = down
                """;
        try (RunningBot bot = RunningBot.start(tmp.resolve("bot"), outage, Map.of())) {
            browser.get(bot.address() + "?token=" + bot.token());
            waiting(30).until(d -> text("state").equals("RECONNECTING"));
            assertThat(browser.getCurrentUrl()).doesNotContain("token"); // it left the address bar
            waiting(30).until(d -> text("attempt").matches("[0-9]+"));
            int first = Integer.parseInt(text("attempt"));
            waiting(60).until(d -> Integer.parseInt(text("attempt")) > first);
            assertThat(text("reason")).contains("network error");
            assertThat(browser.findElements(By.cssSelector("#history li"))).hasSizeGreaterThan(2);
            screenshot("dashboard-reconnecting.png");
            assertThat(bot.stop()).isZero();
        }
        try (RunningBot again = RunningBot.start(tmp.resolve("bot"), outage, Map.of())) {
            browser.get(again.address() + "?token=" + again.token());
            // The history list, newest first: this run's attempts, then the earlier run's stop and its outage.
            waiting(30).until(d -> d.findElements(By.cssSelector("#history li")).stream()
                    .anyMatch(li -> li.getText().contains("STOPPED stopping")));
            List<String> items = browser.findElements(By.cssSelector("#history li")).stream().map(WebElement::getText).toList();
            int stopped = items.indexOf(items.stream().filter(i -> i.contains("STOPPED stopping")).findFirst().orElseThrow());
            assertThat(items.subList(stopped, items.size())).anySatisfy(i -> assertThat(i).contains("RECONNECTING network error"));
        }
    }

    @Test
    void pairing_shows_the_qr_code_then_the_linked_number() throws Exception {
        try (RunningBot bot = RunningBot.start(tmp.resolve("bot"), """
                blacksky.transport = simulated
                blacksky.connection.rehearsal-pairing = 6s
                """, Map.of())) {
            browser.get(bot.address() + "?token=" + bot.token());
            WebElement qr = browser.findElement(By.id("pairing-qr"));
            waiting(30).until(d -> qr.isDisplayed()
                    && Boolean.TRUE.equals(browser.executeScript("return arguments[0].naturalWidth > 0", qr)));
            assertThat(text("state")).isEqualTo("PAIRING");
            screenshot("dashboard-pairing.png");
            waiting(60).until(d -> text("pairing-status").startsWith("Linked as "));
            assertThat(qr.isDisplayed()).isFalse();
            assertThat(text("state")).isEqualTo("CONNECTED");
        }
    }

    @Test
    void the_disable_button_disables_the_plugin_as_the_console_sees_it() throws Exception {
        Path data = tmp.resolve("data");
        try (Console console = new Console(RunningBot.DIST, System.getProperty("java.home"), "--data", data.toString())) {
            console.say("!ping");
            assertThat(console.reply()).isEqualTo("pong");
            Pattern line = Pattern.compile("Dashboard: (http://\\S+/)");
            String address = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                    () -> console.stderr.stream().map(line::matcher).filter(Matcher::find).map(m -> m.group(1))
                            .findFirst().orElse(null), java.util.Objects::nonNull);
            String token = Files.readString(data.resolve("http-token")).strip();
            browser.get(address + "?token=" + token);
            By disable = By.cssSelector("tr[data-plugin='basics'] button[data-action='disable']");
            waiting(30).until(d -> {
                d.findElement(disable).click();
                return true;
            });
            waiting(30).until(d -> d.findElement(By.cssSelector("tr[data-plugin='basics']")).getText().contains("DISABLED"));

            console.say("!ping");
            assertThat(console.reply()).startsWith("Unknown command !ping");
            console.say("!plugins");
            StringBuilder plugins = new StringBuilder(console.reply());
            while (!plugins.toString().contains("basics")) {
                plugins.append('\n').append(console.reply());
            }
            assertThat(plugins.toString()).contains("• basics — disabled");
        }
    }

    @Test
    void with_two_accounts_the_header_shows_both_and_a_click_shows_the_other() throws Exception {
        try (RunningBot bot = RunningBot.start(tmp.resolve("bot"), """
                blacksky.accounts = [
                  { name = sales, transport = simulated }
                  { name = lab, transport = simulated, connection.rehearsal-network = down }
                ]
                """, Map.of())) {
            browser.get(bot.address() + "?token=" + bot.token());
            waiting(30).until(d -> text("accounts").contains("sales CONNECTED") && text("accounts").contains("lab RECONNECTING"));
            assertThat(text("account")).isEqualTo("account sales on simulated");
            assertThat(text("state")).isEqualTo("CONNECTED");
            browser.findElement(By.linkText("lab RECONNECTING")).click();
            waiting(30).until(d -> text("account").equals("account lab on simulated") && text("state").equals("RECONNECTING"));
            assertThat(browser.getCurrentUrl()).endsWith("#account=lab");
            assertThat(text("session-folder")).endsWith("accounts/lab");
            screenshot("dashboard-accounts.png");
        }
    }
}
