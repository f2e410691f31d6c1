package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bot on the real WhatsApp transport (Cobalt) up to the network boundary: a local proxy sees
 * every attempt and drops it, as a dead network would. Nothing here ever reaches WhatsApp.
 */
class WhatsAppIT {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path tmp;

    @Test
    void without_a_network_it_retries_through_cobalt_with_one_identity_and_stops_cleanly() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> dropEverything(proxy, requests));
            Path data = tmp.resolve("data");
            Path conf = Files.writeString(tmp.resolve("wa.conf"), "blacksky.transport = whatsapp\n"
                    + "blacksky.whatsapp.proxy = \"http://bot:s3cret-pw@127.0.0.1:" + proxy.getLocalPort() + "\"\n"
                    + "blacksky.whatsapp.client-version = latest\nblacksky.whatsapp.platform = macos\n");
            ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/blacksky").toString(), "run", "--config",
                    conf.toString(), "--data", data.toString());
            builder.environment().put("CONFIG_FORCE_blacksky_http_port", "0"); // any free port: tests run beside a user's bot
            builder.environment().put("JAVA_HOME", JAVA_HOME);
            builder.environment().put("BLACKSKY_LOGS", tmp.resolve("logs").toString());
            builder.redirectOutput(tmp.resolve("run.out").toFile()).redirectError(tmp.resolve("run.err").toFile());
            Process run = builder.start();
            List<Path> firstIdentity;
            try {
                awaitStatus(run, data, json -> json.matches("(?s).*\"attempt\" : ([3-9]|\\d\\d).*"));
                firstIdentity = sessionFolders(data);
                awaitStatus(run, data, json -> json.matches("(?s).*\"attempt\" : ([5-9]|\\d\\d).*"));
                String status = Files.readString(data.resolve("accounts/default/status.json"));
                assertThat(status).contains("\"RECONNECTING\"").contains("network error");
                // The revision lookup failed too (through the same proxy): the shipped one is used, and said so.
                assertThat(status).contains("WhatsApp Web 2.3000.1048032155 on MACOS")
                        .contains("lookup of the current revision failed").contains("blacksky.whatsapp.client-version");
            } finally {
                run.destroy();
                assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(run.exitValue()).as("exit after SIGTERM").isZero();
            // Each attempt went out through Cobalt to WhatsApp's real endpoint, via the configured proxy.
            assertThat(requests).hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy(line -> assertThat(line).startsWith("CONNECT web.whatsapp.com:443"));
            // One session folder throughout: no new device identity per attempt.
            assertThat(firstIdentity).hasSize(1);
            assertThat(sessionFolders(data)).isEqualTo(firstIdentity);
            // The proxy password reaches no output and no log.
            assertThat(Files.readString(tmp.resolve("run.out")) + Files.readString(tmp.resolve("run.err")))
                    .doesNotContain("s3cret-pw");
            try (Stream<Path> logs = Files.walk(tmp.resolve("logs"))) {
                for (Path log : logs.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(log)).as(log.toString()).doesNotContain("s3cret-pw").contains("network error");
                }
            }
        }
    }

    /**
     * Issue #4's bar: {@code bin/blacksky run} with no flags, no proxy and no configuration is the WhatsApp bot,
     * and on this machine without a network it stays up, retries with growing delays visible in
     * {@code blacksky status}, keeps its session and identity, and stops cleanly on SIGTERM.
     */
    @Test
    void plain_run_is_whatsapp_and_offline_it_keeps_retrying_with_one_identity_until_sigterm() throws Exception {
        Path home = Installation.copy(DIST, tmp.resolve("blacksky"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/blacksky").toString(), "run");
        builder.environment().put("CONFIG_FORCE_blacksky_http_port", "0"); // any free port: tests run beside a user's bot
        builder.environment().keySet().removeIf(name -> name.startsWith("CONFIG_FORCE_"));
        builder.environment().put("JAVA_HOME", JAVA_HOME);
        builder.redirectOutput(tmp.resolve("run.out").toFile()).redirectError(tmp.resolve("run.err").toFile());
        Instant started = Instant.now();
        Process run = builder.start();
        Path account = home.resolve("data/accounts/default");
        Map<String, String> identity;
        try {
            identity = await("a first failed attempt, its session written").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).failFast("run exited early", () -> !run.isAlive())
                    .until(() -> attempt(home) >= 1 ? identity(account) : Map.<String, String>of(), keys -> !keys.isEmpty());
            assertThat(identity).as("one session folder with its keys").hasSize(1);

            Config status = await("attempt 3").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .failFast("run exited early", () -> !run.isAlive())
                    .until(() -> status(home), json -> attemptOf(json) >= 3);
            System.out.printf("WhatsAppIT: attempt %d after %d ms: %s%n", attemptOf(status),
                    Duration.between(started, Instant.now()).toMillis(), account(status).getString("reason"));
            assertThat(status.getBoolean("running")).isTrue();
            assertThat(account(status).getString("lastError")).startsWith("network error");
            assertThat(account(status).getString("client"))
                    .isEqualTo("WhatsApp Web 2.3000.1048032155 on WEB (set by blacksky.whatsapp.client-version)");
            assertThat(identity(account)).as("no new identity between attempts").isEqualTo(identity);
        } finally {
            run.destroy(); // SIGTERM
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(run.exitValue()).as("exit after SIGTERM: %s", Files.readString(tmp.resolve("run.err"))).isZero();
        assertThat(identity(account)).as("the session survives the stop, unchanged").isEqualTo(identity);
        assertThat(account.resolve("quarantine")).as("nothing quarantined").doesNotExist();
        try (Stream<Path> files = Files.walk(account.resolve("cobalt"))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".proto")).toList()).isNotEmpty()
                    .allSatisfy(f -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                            .as("the private keys readable by their owner only: %s", f).isEqualTo("rw-------"));
        }
        assertThat(Files.readString(home.resolve("logs/blacksky.log"))).contains("running on the whatsapp transport");
        // What the user sees: what to expect, then why it retries; no QR without a server to ask for one.
        assertThat(Files.readString(tmp.resolve("run.out"))).contains("Connecting to WhatsApp as account 'default'")
                .doesNotContain("Scan this code");
        assertThat(Files.readString(tmp.resolve("run.err")))
                .containsOnlyOnce("the WhatsApp connection is down (network error")
                .contains("retrying with growing delays, see 'blacksky status'");
    }

    /** {@code bin/blacksky status --json}, as a script would read it. */
    private Config status(Path home) {
        Launch.Result result = Launch.of(home.resolve("bin/blacksky"), "status", "--json").env("JAVA_HOME", JAVA_HOME)
                .installationFolders().run(); // the run under test uses the copy's own data folder
        return ConfigFactory.parseString(result.stdout(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
    }

    private int attempt(Path home) {
        return attemptOf(status(home));
    }

    private static Config account(Config status) {
        return status.getConfigList("accounts").getFirst();
    }

    private static int attemptOf(Config status) {
        return status.getConfigList("accounts").stream().mapToInt(a -> a.hasPath("attempt") ? a.getInt("attempt") : -1)
                .max().orElse(-1); // an account locked by a run that has not written its status yet has none
    }

    /**
     * The hash of keys.proto (the device identity) of each session folder that holds both keys and store: a
     * deleted folder or store, or a new identity, changes it.
     */
    private static Map<String, String> identity(Path account) throws Exception {
        Map<String, String> keys = new TreeMap<>();
        if (!Files.isDirectory(account.resolve("cobalt/web"))) {
            return keys;
        }
        try (Stream<Path> dirs = Files.list(account.resolve("cobalt/web"))) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("store.proto"))).toList()) {
                keys.put(dir.getFileName().toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve("keys.proto")))));
            }
        }
        return keys;
    }

    private static List<Path> sessionFolders(Path data) throws IOException {
        try (Stream<Path> dirs = Files.list(data.resolve("accounts/default/cobalt/web"))) {
            return dirs.map(Path::getFileName).sorted().toList();
        }
    }

    private void awaitStatus(Process run, Path data, java.util.function.Predicate<String> condition) throws Exception {
        Path file = data.resolve("accounts/default/status.json");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!(Files.exists(file) && condition.test(Files.readString(file)))) {
            // waitFor doubles as the pause between looks and as the check that run did not die
            assertThat(run.waitFor(100, TimeUnit.MILLISECONDS)).as("run exited early: %s",
                    Files.readString(tmp.resolve("run.err"))).isFalse();
            assertThat(Instant.now()).as("status.json never got there: %s",
                    Files.exists(file) ? Files.readString(file) : "no file").isBefore(deadline);
        }
    }

    /** Reads each request line, then closes the connection without answering. */
    private static void dropEverything(ServerSocket proxy, List<String> requests) {
        while (!proxy.isClosed()) {
            try (Socket socket = proxy.accept()) {
                String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                        .readLine();
                if (line != null) {
                    requests.add(line);
                }
            } catch (IOException closed) {
                return;
            }
        }
    }
}
