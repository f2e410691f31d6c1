package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several accounts in one packaged bot: each answers as itself, and one's logout leaves the others running. */
class MultiAccountIT {

    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path tmp;

    @Test
    void three_accounts_answer_independently_and_one_logged_out_leaves_the_others_answering() throws Exception {
        ProcessBuilder serverCommand = new ProcessBuilder(RunningBot.DIST.resolve("bin/blacksky").toString(), "rehearsal-server")
                .redirectError(tmp.resolve("server.err").toFile());
        serverCommand.environment().put("JAVA_HOME", JAVA_HOME);
        Process server = serverCommand.start();
        try (BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            Matcher address = Pattern.compile("at (127\\.0\\.0\\.1:(\\d+))").matcher(String.valueOf(serverOut.readLine()));
            assertThat(address.find()).isTrue();
            Path data = tmp.resolve("data");
            Path conf = Files.writeString(tmp.resolve("accounts.conf"), """
                    blacksky.transport = console
                    blacksky.http.port = 0
                    blacksky.accounts = [
                      { name = sales }
                      { name = support, plugins = [basics, notes] }
                      { name = field, transport = simulated, connection.rehearsal-server = "%s" }
                    ]
                    """.formatted(address.group(1)));
            try (Console bot = Console.asConfigured(RunningBot.DIST, JAVA_HOME, "--config", conf.toString(), "--data",
                    data.toString())) {
                bot.say("!account");
                assertThat(bot.reply()).isEqualTo("[sales] This is account sales (this bot runs sales, support, field).");
                bot.say(":account support");
                assertThat(bot.reply()).isEqualTo("(now speaking to account 'support')");
                bot.say("!account");
                assertThat(bot.reply()).isEqualTo("[support] This is account support (this bot runs sales, support, field).");
                bot.say("!poll \"Lunch?\" yes no"); // the poll plugin runs for sales, not for support
                assertThat(bot.reply()).startsWith("[support] Unknown command !poll.");
                bot.say("!remind 1s tea"); // a timer belongs to no account: it fires through the one it was set through
                assertThat(bot.reply()).isEqualTo("[support] OK, I will remind you in 1s.");
                assertThat(bot.reply()).startsWith("[support] ⏰ Reminder for ").contains(": tea");
                bot.say(":account nobody");
                assertThat(bot.reply()).isEqualTo("(there is no account 'nobody' on the console; use one of [sales, support])");

                await("field connected").atMost(Duration.ofSeconds(60)).until(() -> status(data, "field").contains("\"CONNECTED\""));
                ProcessBuilder logoutCommand = new ProcessBuilder(RunningBot.DIST.resolve("bin/blacksky").toString(),
                        "rehearsal-server", "--logout", "field", "--port", address.group(2)).redirectErrorStream(true);
                logoutCommand.environment().put("JAVA_HOME", JAVA_HOME);
                Process logout = logoutCommand.start();
                assertThat(logout.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(new String(logout.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .contains("Account 'field' logged out");
                assertThat(logout.exitValue()).isZero();
                await("field logged out").atMost(Duration.ofSeconds(30)).until(() -> status(data, "field").contains("\"LOGGED_OUT\""));

                bot.say("!ping");
                assertThat(bot.reply()).isEqualTo("[support] pong");
                bot.say(":account sales");
                assertThat(bot.reply()).isEqualTo("(now speaking to account 'sales')");
                bot.say("!ping");
                assertThat(bot.reply()).isEqualTo("[sales] pong");

                String ready = http(bot, data, "health/ready");
                assertThat(ready).contains("account field: LOGGED_OUT").contains("\"name\":\"support\"");
                assertThat(http(bot, data, "api/overview?account=support")).contains("\"account\":\"support\"");
                assertThat(http(bot, data, "api/overview?account=nobody")).contains("there is no account 'nobody' here");

                Launch.Result status = Launch.of(RunningBot.DIST.resolve("bin/blacksky"), "status", "--data", data.toString())
                        .env("JAVA_HOME", JAVA_HOME).run();
                assertThat(status.stdout()).as("%s", status).contains("Account field: LOGGED_OUT");
                Launch.Result unnamed = Launch.of(RunningBot.DIST.resolve("bin/blacksky"), "session", "status", "--config",
                        conf.toString(), "--data", data.toString()).env("JAVA_HOME", JAVA_HOME).run();
                assertThat(unnamed.stderr()).as("%s", unnamed)
                        .contains("This bot runs several accounts [sales, support, field]; name one with --account.");
                assertThat(unnamed.exit()).isNotZero();
                Launch.Result named = Launch.of(RunningBot.DIST.resolve("bin/blacksky"), "session", "status", "--config",
                        conf.toString(), "--data", data.toString(), "--account", "support").env("JAVA_HOME", JAVA_HOME).run();
                assertThat(named.stdout()).as("%s", named).contains("Account:    support").contains("Lock:       held");
                assertThat(Files.exists(data.resolve("accounts/sales/session.lock"))).isTrue();
                assertThat(data.resolve("accounts/support/quarantine")).doesNotExist();
                assertThat(bot.close(60)).isZero();
            }
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void a_line_bigger_than_the_heap_on_a_shared_console_is_refused_and_the_accounts_go_on() throws Exception {
        Path conf = Files.writeString(tmp.resolve("two.conf"), "blacksky.accounts = [{ name = sales }, { name = support }]\n");
        String huge = "!echo " + "x".repeat(100_000_000) + "\n";
        Launch.Result result = Launch.of(RunningBot.DIST.resolve("bin/blacksky"), "run", "--console", "--config",
                conf.toString(), "--data", tmp.resolve("data").toString()).env("JAVA_HOME", JAVA_HOME)
                .env("BLACKSKY_JAVA_OPTS", "-Xmx64m").stdin(huge + "!ping\n:account support\n!ping\n").run();
        assertThat(result.exit()).as(result.toString().substring(0, Math.min(2000, result.toString().length()))).isZero();
        assertThat(result.stdout()).contains("[sales] Your message is longer than the 65536 characters I read, so I did"
                + " not run !echo.").contains("[sales] pong").contains("[support] pong");
    }

    private static String status(Path data, String account) throws Exception {
        Path file = data.resolve("accounts").resolve(account).resolve("status.json");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static String http(Console bot, Path data, String path) throws Exception {
        Matcher dashboard = Pattern.compile("Dashboard: (http://\\S+/)").matcher("");
        String base = null;
        for (String line : bot.stderr) {
            if (dashboard.reset(line).find()) {
                base = dashboard.group(1);
            }
        }
        assertThat(base).as("the 'Dashboard:' line in %s", bot.stderr).isNotNull();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + Files.readString(data.resolve("http-token")).strip()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
