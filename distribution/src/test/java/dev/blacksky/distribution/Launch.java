package dev.blacksky.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a user would from the shell: arguments, stdin, environment, working directory. Unless a
 * test asks for the installation's own folders, the data and log folders are private to the launch, so no test
 * depends on what a user left in the installation's data/ or logs/ (a pending reminder, say).
 */
final class Launch {

    private static final Path SANDBOXES = Path.of("target/it-sandboxes").toAbsolutePath();

    record Result(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final List<String> command = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> unset = new ArrayList<>();
    private String stdin = "";
    private Path workingDirectory;
    private boolean installationFolders;

    private Launch(String executable, String... args) {
        command.add(executable);
        command.addAll(List.of(args));
    }

    static Launch of(Path executable, String... args) {
        return new Launch(executable.toString(), args);
    }

    Launch stdin(String text) {
        this.stdin = text;
        return this;
    }

    Launch env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Launch unset(String name) {
        unset.add(name);
        return this;
    }

    Launch in(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /** Uses the installation's own data/ and logs/ (for a test on a private copy of the installation). */
    Launch installationFolders() {
        this.installationFolders = true;
        return this;
    }

    /** A data folder and a log folder of the launch's own, in the environment a bot reads them from. */
    static Map<String, String> sandbox() {
        try {
            Files.createDirectories(SANDBOXES);
            Path sandbox = Files.createTempDirectory(SANDBOXES, "launch-");
            return Map.of("CONFIG_FORCE_blacksky_paths_data", sandbox.resolve("data").toString(),
                    "BLACKSKY_LOGS", sandbox.resolve("logs").toString(),
                    "CONFIG_FORCE_blacksky_http_port", "0"); // any free port: tests run beside a user's bot
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run() {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("CONFIG_FORCE_"));
        builder.environment().put("CONFIG_FORCE_blacksky_http_port", "0"); // any free port: tests run beside a user's bot
        unset.forEach(builder.environment()::remove);
        if (!installationFolders) {
            builder.environment().putAll(sandbox());
        }
        builder.environment().putAll(environment);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        try {
            Process process = builder.start();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedEarly) {
                // the process exited before reading its input; its exit code tells why
            }
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command + "\nstderr so far: " + err.getNow(""));
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
