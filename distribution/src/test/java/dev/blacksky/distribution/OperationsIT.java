package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations server of the packaged bot, through a real HTTP client: health, metrics, auth, CSRF, history. */
class OperationsIT {

    private static final String OUTAGE = """
            blacksky.transport = simulated
            blacksky.connection.rehearsal-network = down
            """;

    @TempDir
    Path tmp;

    private static Config json(String body) {
        return ConfigFactory.parseString(body, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
    }

    @Test
    void an_outage_is_served_as_not_ready_counted_in_metrics_and_remembered_after_a_restart() throws Exception {
        Path folder = tmp.resolve("bot");
        try (RunningBot bot = RunningBot.start(folder, OUTAGE, Map.of())) {
            // /health/live is the only open door.
            assertThat(bot.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(bot.get("/health/ready").statusCode()).isEqualTo(401);
            assertThat(bot.get("/metrics").statusCode()).isEqualTo(401);
            assertThat(bot.get("/api/overview").statusCode()).isEqualTo(401);
            assertThat(bot.get("/metrics", "Authorization", "Bearer not-the-token").statusCode()).isEqualTo(401);
            assertThat(bot.raw("/api/overview?x=%zz")).isEqualTo(400);
            assertThat(bot.raw("/../../etc/passwd")).isEqualTo(404);
            assertThat(bot.raw("/api/plugins/basics/disable")).as("a change needs POST").isEqualTo(404);
            assertThat(Files.getPosixFilePermissions(bot.data.resolve("http-token")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            await().atMost(Duration.ofSeconds(60)).until(() -> json(bot.get("/api/overview", bot.bearer()).body())
                    .getInt("connection.attempt") >= 3);
            HttpResponse<String> ready = bot.get("/health/ready", bot.bearer());
            assertThat(ready.statusCode()).isEqualTo(503);
            Config readiness = json(ready.body());
            assertThat(readiness.getString("status")).isEqualTo("not ready");
            assertThat(readiness.getStringList("reasons")).anySatisfy(r -> assertThat(r).startsWith("RECONNECTING: network error"));

            HttpResponse<String> metrics = bot.get("/metrics", bot.bearer());
            assertThat(metrics.statusCode()).isEqualTo(200);
            List<PrometheusText.Sample> samples = PrometheusText.parse(metrics.body());
            assertThat(PrometheusText.value(samples, "blacksky_connection_state", "state", "RECONNECTING")).isEqualTo(1);
            assertThat(PrometheusText.value(samples, "blacksky_connection_state", "state", "CONNECTED")).isZero();
            assertThat(PrometheusText.value(samples, "blacksky_connection_reconnects_total", "cause", "network_error"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(PrometheusText.value(samples, "blacksky_plugins", "state", "RUNNING")).isGreaterThanOrEqualTo(5);
            assertThat(samples).anySatisfy(s -> assertThat(s.name()).isEqualTo("jvm_memory_used_bytes"));
            assertThat(bot.stop()).isZero();
        }
        String firstRun = Files.readString(folder.resolve("data/accounts/default/history.jsonl"));
        assertThat(firstRun).contains("\"RECONNECTING\"").contains("\"STOPPED\"");

        try (RunningBot again = RunningBot.start(folder, OUTAGE, Map.of())) {
            Config overview = json(again.get("/api/overview", again.bearer()).body());
            List<? extends Config> history = overview.getConfigList("history");
            // The outage of the first run is still there, before this run's own start.
            assertThat(history).anySatisfy(e -> assertThat(e.getString("state")).isEqualTo("STOPPED"));
            assertThat(history.stream().filter(e -> e.getString("state").equals("RECONNECTING")).count())
                    .isGreaterThanOrEqualTo(3);
            assertThat(overview.getConfigList("uptime").getFirst().getInt("reconnects")).isGreaterThanOrEqualTo(3);
            assertThat(again.stop()).isZero();
        }
        Launch.Result status = Launch.of(RunningBot.DIST.resolve("bin/blacksky"), "status", "--data",
                folder.resolve("data").toString()).env("JAVA_HOME", System.getProperty("java.home")).run();
        assertThat(status.stdout()).containsPattern("uptime: +last hour 0\\.0 % \\(0 outages, [0-9]+ reconnects\\)");
    }

    @Test
    void changes_need_the_token_and_from_a_browser_also_the_page_s_anti_forgery_value() throws Exception {
        try (RunningBot bot = RunningBot.start(tmp.resolve("bot"), "blacksky.transport = simulated\n", Map.of())) {
            String disable = "/api/plugins/basics/disable";
            assertThat(bot.post(disable).statusCode()).isEqualTo(401);
            assertThat(bot.get("/?token=wrong").statusCode()).isEqualTo(401);

            // A browser logs in with the link's token: it gets a cookie and the token leaves the address bar.
            HttpResponse<String> login = bot.get("/?token=" + bot.token());
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Location")).hasValue("./");
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            assertThat(bot.get("/", "Cookie", cookie).statusCode()).isEqualTo(200);

            // Another site's form carries the cookie but cannot read the page's CSRF value: refused.
            assertThat(bot.post(disable, "Cookie", cookie).statusCode()).isEqualTo(403);
            assertThat(bot.post(disable, "Cookie", cookie, "X-Blacksky-Csrf", "guess").statusCode()).isEqualTo(403);
            assertThat(state(bot, "basics")).isEqualTo("RUNNING");

            String csrf = json(bot.get("/api/overview", "Cookie", cookie).body()).getString("csrf");
            HttpResponse<String> done = bot.post(disable, "Cookie", cookie, "X-Blacksky-Csrf", csrf);
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            assertThat(json(done.body()).getString("message")).startsWith("Disabled 'basics'");
            assertThat(state(bot, "basics")).isEqualTo("DISABLED");

            // A script with the token in a header is no cross-site risk: no CSRF value needed.
            assertThat(bot.post("/api/plugins/basics/enable", bot.bearer()).statusCode()).isEqualTo(200);
            assertThat(state(bot, "basics")).isEqualTo("RUNNING");
            assertThat(bot.post("/api/plugins/nosuch/reload", bot.bearer()).body()).contains("There is no running plugin");

            // Rotating the token locks out old links and cookies at once, without a restart.
            Launch.Result rotated = Launch.of(RunningBot.DIST.resolve("bin/blacksky"), "http", "token", "--rotate",
                    "--data", bot.data.toString()).env("JAVA_HOME", System.getProperty("java.home")).run();
            assertThat(rotated.exit()).as(rotated.toString()).isZero();
            assertThat(rotated.stdout()).contains("/?token=" + bot.token());
            assertThat(bot.get("/api/overview", "Cookie", cookie).statusCode()).isEqualTo(401);
            assertThat(bot.get("/api/overview", bot.bearer()).statusCode()).isEqualTo(200);
        }
    }

    private static String state(RunningBot bot, String plugin) {
        return json(bot.get("/api/overview", bot.bearer()).body()).getConfigList("plugins").stream()
                .filter(p -> p.getString("id").equals(plugin)).findFirst().orElseThrow().getString("state");
    }

    @Test
    void the_token_and_the_qr_payload_never_reach_the_log() throws Exception {
        Path folder = tmp.resolve("bot");
        try (RunningBot bot = RunningBot.start(folder, """
                blacksky.transport = simulated
                blacksky.connection.rehearsal-pairing = 3s
                """, Map.of())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> bot.get("/api/pairing/qr.svg", bot.bearer()).statusCode() == 200);
            assertThat(bot.get("/api/pairing/qr.svg", bot.bearer()).body()).startsWith("<svg");
            await().atMost(Duration.ofSeconds(60)).until(() -> json(bot.get("/api/overview", bot.bearer()).body())
                    .getString("connection.state").equals("CONNECTED"));
            Config pairing = json(bot.get("/api/overview", bot.bearer()).body()).getConfig("pairing");
            assertThat(pairing.getBoolean("showing")).isFalse();
            assertThat(pairing.getString("linkedAs")).isNotBlank();
            assertThat(bot.get("/api/pairing/qr.svg", bot.bearer()).statusCode()).isEqualTo(404);
            String token = bot.token();
            assertThat(bot.stop()).isZero();
            String log = Files.readString(folder.resolve("logs/blacksky.log"));
            assertThat(log).contains("Dashboard, health and metrics at").doesNotContain(token).doesNotContain("rehearsal-");
            assertThat(Files.readString(bot.err)).doesNotContain(token); // not a terminal: the token is not shown
        }
    }

    @Test
    void a_public_address_without_a_token_or_a_taken_port_stops_start_up_with_the_key() throws Exception {
        Launch.Result open = Launch.of(RunningBot.DIST.resolve("bin/blacksky"), "run", "--console")
                .env("JAVA_HOME", System.getProperty("java.home"))
                .env("CONFIG_FORCE_blacksky_http_host", "0.0.0.0").env("CONFIG_FORCE_blacksky_http_auth", "none").run();
        assertThat(open.exit()).as(open.toString()).isEqualTo(3);
        assertThat(open.stderr()).contains("blacksky.http.auth").contains("0.0.0.0");

        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Launch.Result busy = Launch.of(RunningBot.DIST.resolve("bin/blacksky"), "run", "--console")
                    .env("JAVA_HOME", System.getProperty("java.home"))
                    .env("CONFIG_FORCE_blacksky_http_port", String.valueOf(taken.getLocalPort())).run();
            assertThat(busy.exit()).as(busy.toString()).isEqualTo(3);
            assertThat(busy.stderr()).contains("blacksky.http").contains(String.valueOf(taken.getLocalPort()))
                    .contains("blacksky.http.port");
        }
    }

    @Test
    void json_log_lines_are_one_object_each_and_a_wrong_format_is_refused() throws Exception {
        Launch.Result run = Launch.of(RunningBot.DIST.resolve("bin/blacksky"), "run", "--console").stdin("!ping\n")
                .env("JAVA_HOME", System.getProperty("java.home")).env("BLACKSKY_LOG_FORMAT", "json")
                .env("BLACKSKY_LOGS", tmp.resolve("logs").toString()).run();
        assertThat(run.stdout()).isEqualTo("pong\n");
        Path log = tmp.resolve("logs/blacksky.log");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSizeGreaterThan(3);
        for (String line : lines) {
            Config entry = json(line);
            assertThat(entry.hasPath("level") && entry.hasPath("formattedMessage")).as(line).isTrue();
        }
        Launch.Result wrong = Launch.of(RunningBot.DIST.resolve("bin/blacksky"), "run", "--console")
                .env("JAVA_HOME", System.getProperty("java.home")).env("BLACKSKY_LOG_FORMAT", "xml").run();
        assertThat(wrong.exit()).isEqualTo(3);
        assertThat(wrong.stderr()).contains("BLACKSKY_LOG_FORMAT");
    }

    @Test
    void the_systemd_unit_verifies_and_does_not_restart_on_usage_configuration_or_lock_errors() throws Exception {
        Path unit = RunningBot.DIST.resolve("systemd/blacksky.service");
        String text = Files.readString(unit);
        assertThat(text).contains("RestartPreventExitStatus=2 3 4").contains("ExecStart=/opt/blacksky/bin/blacksky run");
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        // Verified as installed: the paths point at this installation, the user at one that exists here.
        String user = System.getProperty("user.name");
        Path installed = Files.writeString(tmp.resolve("blacksky.service"), text
                .replace("/opt/blacksky", RunningBot.DIST.toString())
                .replace("User=blacksky", "User=" + user).replace("Group=blacksky", "Group=" + user));
        Process verify = new ProcessBuilder(analyze.toString(), "verify", installed.toString()).redirectErrorStream(true).start();
        String out = new String(verify.getInputStream().readAllBytes());
        assertThat(verify.waitFor()).as(out).isZero();
        assertThat(out).doesNotContain("blacksky.service:");
    }
}
