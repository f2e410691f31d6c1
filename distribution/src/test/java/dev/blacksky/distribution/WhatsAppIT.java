package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
                    + "blacksky.whatsapp.proxy = \"http://bot:s3cret-pw@127.0.0.1:" + proxy.getLocalPort() + "\"\n");
            ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/blacksky").toString(), "run", "--config",
                    conf.toString(), "--data", data.toString());
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
