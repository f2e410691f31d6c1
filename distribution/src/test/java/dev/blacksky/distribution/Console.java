package dev.blacksky.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A running {@code bin/blacksky run --console}, talked to line by line as a user would type. */
final class Console implements AutoCloseable {

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    final List<String> stderr = new CopyOnWriteArrayList<>();

    Console(Path home, String javaHome, String... args) throws IOException {
        this(command(home, "--console", args), javaHome);
    }

    /** {@code bin/blacksky run} with {@code args}: the transports are as configured, stdin is this console's. */
    static Console asConfigured(Path home, String javaHome, String... args) throws IOException {
        return new Console(command(home, null, args), javaHome);
    }

    private static List<String> command(Path home, String flag, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/blacksky").toString(), "run"));
        if (flag != null) {
            command.add(flag);
        }
        command.addAll(List.of(args));
        return command;
    }

    private Console(List<String> command, String javaHome) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("CONFIG_FORCE_"));
        builder.environment().putAll(Launch.sandbox()); // --data given by the test still wins
        builder.environment().put("JAVA_HOME", javaHome);
        process = builder.start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), replies);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), stderr);
    }

    private static void pump(BufferedReader reader, java.util.Collection<String> sink) {
        Thread.ofPlatform().daemon(true).start(() -> {
            try (reader) {
                for (String line; (line = reader.readLine()) != null; ) {
                    sink.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
    }

    void say(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next reply line, waiting up to 30 s. */
    String reply() throws InterruptedException {
        String line = replies.poll(30, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no reply within 30 s; stderr: " + stderr);
        }
        return line;
    }

    /** Sends SIGTERM, as a service manager does, and returns the exit code. */
    int terminate(long timeoutSeconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the bot did not exit within " + timeoutSeconds + " s of SIGTERM");
        }
        return process.exitValue();
    }

    /** Ends input and returns the exit code. */
    int close(long timeoutSeconds) throws IOException, InterruptedException {
        stdin.close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the bot did not exit within " + timeoutSeconds + " s after end of input");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
