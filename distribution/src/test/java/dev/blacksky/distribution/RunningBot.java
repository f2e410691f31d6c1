package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code bin/blacksky run} in the background with its operations server on a free port, and an HTTP client for it. */
final class RunningBot implements AutoCloseable {

    static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();
    private static final Pattern ADDRESS = Pattern.compile("Dashboard: (http://\\S+/)");

    final Path data;
    final Path err;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String address;

    private RunningBot(Path folder, Process process) {
        this.data = folder.resolve("data");
        this.err = folder.resolve("run.err");
        this.process = process;
    }

    /** Starts the bot with {@code config} layered over the defaults; data and logs go under {@code folder}. */
    static RunningBot start(Path folder, String config, Map<String, String> env, String... args) throws IOException {
        Files.createDirectories(folder);
        Path conf = Files.writeString(folder.resolve("bot.conf"), config);
        List<String> command = new ArrayList<>(List.of(DIST.resolve("bin/blacksky").toString(), "run", "--config",
                conf.toString(), "--data", folder.resolve("data").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("CONFIG_FORCE_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("BLACKSKY_LOGS", folder.resolve("logs").toString());
        builder.environment().put("CONFIG_FORCE_blacksky_http_port", "0");
        builder.environment().putAll(env);
        builder.redirectOutput(folder.resolve("run.out").toFile()).redirectError(folder.resolve("run.err").toFile());
        return new RunningBot(folder, builder.start());
    }

    /** The dashboard's address, from the line the bot prints once it serves. */
    String address() {
        if (address == null) {
            await("the 'Dashboard:' line on stderr").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        assertThat(process.isAlive()).as("the bot exited early: %s", Files.readString(err)).isTrue();
                        Matcher m = ADDRESS.matcher(Files.readString(err));
                        if (m.find()) {
                            address = m.group(1);
                        }
                        return address != null;
                    });
        }
        return address;
    }

    /** The access token, once the bot serves (it makes the token at its first start). */
    String token() {
        address();
        try {
            return Files.readString(data.resolve("http-token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    HttpResponse<String> post(String path, String... headers) {
        return send("POST", path, headers);
    }

    HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address() + path.substring(1)))
                .timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status line's code for a request written byte for byte, as a client that no library checks might send it. */
    int raw(String target) {
        URI base = URI.create(address());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nAuthorization: Bearer " + token() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headers of a request with the access token. */
    String[] bearer() {
        return new String[] {"Authorization", "Bearer " + token()};
    }

    /** SIGTERM, as systemd or Ctrl-C would, and the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        return process.exitValue();
    }

    Process process() {
        return process;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
