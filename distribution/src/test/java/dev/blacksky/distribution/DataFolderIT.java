package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping on the folders a user gives: bad ones refused, paths read one way, nothing left behind. */
class DataFolderIT {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path tmp;

    private static Launch blacksky(String... args) {
        return Launch.of(DIST.resolve("bin/blacksky"), args).env("JAVA_HOME", JAVA_HOME);
    }

    @Test
    void a_plugins_folder_that_is_missing_or_a_file_stops_start_up_naming_it() throws IOException {
        Launch.Result missing = blacksky("run", "--console", "--plugins", tmp.resolve("nowhere").toString()).stdin("!ping\n").run();
        assertThat(missing.exit()).as(missing.toString()).isEqualTo(3);
        assertThat(missing.stdout()).isEmpty();
        assertThat(missing.stderr()).contains("The plugins folder " + tmp.resolve("nowhere") + " (given with --plugins) does not exist");

        Path file = Files.writeString(tmp.resolve("plugins.txt"), "not a folder");
        Launch.Result notFolder = blacksky("run", "--console", "--plugins", file.toString()).stdin("!ping\n").run();
        assertThat(notFolder.exit()).as(notFolder.toString()).isEqualTo(3);
        assertThat(notFolder.stderr()).contains("is not a folder");
    }

    @Test
    void relative_folders_on_the_command_line_are_relative_to_the_working_directory_for_every_command() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path plugins = Files.createDirectories(work.resolve("my-plugins"));
        try (Stream<Path> jars = Files.list(DIST.resolve("plugins"))) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith("blacksky-plugin-basics-")).toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        Launch.Result run = blacksky("run", "--console", "--plugins", "my-plugins", "--data", "my-data").in(work)
                .stdin("!ping\n").run();
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo("pong\n");
        assertThat(work.resolve("my-data/storage.db")).exists();
        assertThat(DIST.resolve("my-data")).doesNotExist();

        Launch.Result list = blacksky("plugins", "list", "--plugins", "my-plugins").in(work).run();
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.stdout()).contains("ok    basics").contains("1 would load, 0 would not (" + plugins + ")");
    }

    @Test
    void the_root_key_set_to_a_value_is_a_configuration_error_not_a_stack_trace() {
        Launch.Result result = blacksky("run", "--console").env("CONFIG_FORCE_blacksky", "1").stdin("!ping\n").run();
        assertThat(result.exit()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("environment variable CONFIG_FORCE_blacksky").contains("blacksky is set to")
                .doesNotContain("\tat ");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void a_log_folder_the_bot_cannot_write_is_one_line_on_stderr_and_stdout_stays_clean() {
        Launch.Result result = blacksky("run", "--console").env("BLACKSKY_LOGS", "/proc/1/cannot-write-here")
                .stdin("!ping\n").run();
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("pong\n");
        assertThat(result.stderr().lines().filter(line -> line.contains("cannot write the log folder")).count()).isEqualTo(1);
        assertThat(result.stderr()).doesNotContain("|-").doesNotContain("\tat ");
    }

    @Test
    void an_empty_database_file_stops_start_up_with_the_way_out_instead_of_starting_empty() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.createFile(data.resolve("storage.db"));
        Launch.Result result = blacksky("run", "--console", "--data", data.toString()).stdin("!ping\n").run();
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains(data.resolve("storage.db") + " is empty (0 bytes)")
                .contains("Restore it from a backup, or delete it");
        assertThat(data.resolve("storage.db")).isEmptyFile();
    }

    @Test
    void killed_runs_leave_no_copies_of_sqlites_native_library_in_the_temp_folder() throws Exception {
        Path systemTemp = Files.createDirectories(tmp.resolve("system-tmp"));
        Path data = tmp.resolve("data");
        for (int run = 0; run < 3; run++) {
            ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/blacksky").toString(), "run", "--console",
                    "--data", data.toString());
            builder.environment().put("CONFIG_FORCE_blacksky_http_port", "0"); // any free port: tests run beside a user's bot
            builder.environment().put("JAVA_HOME", JAVA_HOME);
            builder.environment().putAll(Launch.sandbox());
            builder.environment().put("BLACKSKY_JAVA_OPTS", "-Djava.io.tmpdir=" + systemTemp);
            builder.redirectErrorStream(true);
            Process bot = builder.start();
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(bot.getInputStream()))) {
                bot.getOutputStream().write("!ping\n".getBytes());
                bot.getOutputStream().flush();
                String line = out.readLine();
                while (line != null && line.startsWith("Dashboard: ")) { // stderr is merged in: the server's address
                    line = out.readLine();
                }
                assertThat(line).isEqualTo("pong"); // up, with SQLite loaded
                bot.destroyForcibly(); // SIGKILL: no shutdown hook, no deleteOnExit
                assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        try (Stream<Path> left = Files.list(systemTemp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("sqlite-"));
        }
        try (Stream<Path> libraries = Files.walk(data.resolve("native"))) {
            List<Path> copies = libraries.filter(p -> p.getFileName().toString().contains("sqlitejdbc")).toList();
            assertThat(copies).as("one copy, reused by every run").hasSize(1);
        }
    }
}
