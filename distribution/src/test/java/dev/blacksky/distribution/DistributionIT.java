package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged distribution, driven through bin/blacksky as a user drives it. */
class DistributionIT {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();
    private static final String VERSION = System.getProperty("blacksky.version", "0.1.0");
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path tmp;

    private static Launch blacksky(Path home, String... args) {
        return Launch.of(home.resolve("bin/blacksky"), args).env("JAVA_HOME", JAVA_HOME);
    }

    private Path copyOfDistribution() throws IOException {
        return Installation.copy(DIST, tmp.resolve("blacksky"));
    }

    @Test
    void the_archive_layout_is_complete() throws IOException {
        assertThat(DIST.resolve("bin/blacksky")).isExecutable();
        assertThat(DIST.resolve("conf/application.conf")).isRegularFile();
        assertThat(DIST.resolve("conf/logback.xml")).isRegularFile();
        assertThat(DIST.resolve("lib/blacksky-core-" + VERSION + ".jar")).isRegularFile();
        assertThat(DIST.resolve("plugins/blacksky-plugin-basics-" + VERSION + ".jar")).isRegularFile();
        assertThat(DIST.resolve("plugins/blacksky-plugin-notes-" + VERSION + ".jar")).isRegularFile();
        assertThat(DIST.resolve("plugins/blacksky-plugin-moderation-" + VERSION + ".jar")).isRegularFile();
        assertThat(DIST.resolveSibling("blacksky-" + VERSION + ".tar.gz")).isRegularFile();
        assertThat(DIST.resolveSibling("blacksky-" + VERSION + ".zip")).isRegularFile();
        try (Stream<Path> lib = Files.list(DIST.resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("blacksky-plugin-"));
        }
        // application.conf only holds commented overrides: defaults live in reference.conf
        assertThat(Files.readAllLines(DIST.resolve("conf/application.conf")))
                .allMatch(line -> line.isBlank() || line.startsWith("#"));
    }

    @Test
    void piped_ping_prints_pong_and_exits_zero_at_end_of_input() throws IOException {
        Path home = copyOfDistribution();
        Launch.Result result = blacksky(home, "run", "--console").installationFolders().stdin("!ping\n").run();
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("pong\n");
        assertThat(home.resolve("data")).isDirectory();
        assertThat(home.resolve("logs/blacksky.log")).isRegularFile();
    }

    @Test
    void what_a_user_left_in_the_installations_data_folder_does_not_reach_a_test() throws IOException {
        Path home = copyOfDistribution();
        Files.createDirectories(home.resolve("data"));
        Files.createFile(home.resolve("data/storage.db")); // a database no bot can start on
        Launch.Result result = blacksky(home, "run", "--console").stdin("!ping\n").run();
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("pong\n");
        assertThat(home.resolve("data/storage.db")).isEmptyFile(); // never opened
    }

    @Test
    void every_pending_reply_is_printed_in_order_before_the_clean_exit() {
        StringBuilder input = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            input.append("!echo line ").append(i).append('\n');
            expected.append("line ").append(i).append('\n');
        }
        Launch.Result result = blacksky(DIST, "run", "--console", "--data", tmp.resolve("data").toString())
                .stdin(input.toString()).run();
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(expected.toString());
    }

    @Test
    void directives_switch_sender_and_chat() throws IOException {
        Path conf = Files.writeString(tmp.resolve("owners.conf"), "blacksky.owners = [\"carol\"]\n");
        Launch.Result result = blacksky(DIST, "run", "--console", "--config", conf.toString(), "--data", tmp.toString())
                .stdin(":as alice\n:in team\n!ping\n!nosuch\n:dm\n!nosuch\n")
                .run();
        assertThat(result.exit()).as(result.toString()).isZero();
        // two chats, two lanes: their replies are each in order, but not ordered against each other
        assertThat(result.stdout().lines()).containsExactlyInAnyOrder("pong",
                "Unknown command !nosuch. Send !help to see what I can do.");
    }

    @Test
    void broken_jars_are_skipped_with_a_warning_naming_them_while_ping_answers() throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path basics = DIST.resolve("plugins/blacksky-plugin-basics-" + VERSION + ".jar");
        Files.copy(basics, plugins.resolve(basics.getFileName()));
        byte[] bytes = Files.readAllBytes(basics);
        Files.write(plugins.resolve("truncated.jar"), Arrays.copyOf(bytes, bytes.length / 3));
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(plugins.resolve("no-descriptor.jar")))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
            zip.write("not a plugin".getBytes());
        }

        Launch.Result result = blacksky(DIST, "run", "--console", "--plugins", plugins.toString(),
                "--data", tmp.resolve("data").toString()).stdin("!ping\n").run();

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("pong\n");
        assertThat(result.stderr()).contains("truncated.jar").contains("corrupt or truncated")
                .contains("no-descriptor.jar").contains("no plugin descriptor");
    }

    @Test
    void plugins_list_catches_what_only_a_start_shows_an_invalid_command_name_or_a_constructor_that_throws()
            throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(DIST.resolve("plugins/blacksky-plugin-basics-" + VERSION + ".jar"), plugins.resolve("basics.jar"));
        Path badName = PluginSource.build(DIST, tmp.resolve("build/badname"), "badname", "com.example.badname.Bad", """
                package com.example.badname;

                import dev.blacksky.api.command.Command;
                import dev.blacksky.api.command.CommandContext;
                import dev.blacksky.api.command.CommandSpec;
                import org.pf4j.Extension;

                @Extension
                public final class Bad implements Command {
                    @Override
                    public CommandSpec spec() {
                        return CommandSpec.named("Not Valid!").description("an invalid name").build();
                    }

                    @Override
                    public void execute(CommandContext ctx) {
                    }
                }
                """);
        Path throwing = PluginSource.build(DIST, tmp.resolve("build/strict"), "strict", "com.example.strict.Strict", """
                package com.example.strict;

                import dev.blacksky.api.command.Command;
                import dev.blacksky.api.command.CommandContext;
                import dev.blacksky.api.command.CommandSpec;
                import org.pf4j.Extension;

                @Extension
                public final class Strict implements Command {
                    public Strict() {
                        throw new IllegalStateException("plugins.strict.token is not set");
                    }

                    @Override
                    public CommandSpec spec() {
                        return CommandSpec.named("strict").description("needs configuration").build();
                    }

                    @Override
                    public void execute(CommandContext ctx) {
                    }
                }
                """);
        Files.copy(badName, plugins.resolve("badname.jar"));
        Files.copy(throwing, plugins.resolve("strict.jar"));
        Launch.Result list = blacksky(DIST, "plugins", "list", "--plugins", plugins.toString()).run();
        assertThat(list.exit()).as(list.toString()).isEqualTo(1);
        assertThat(list.stdout()).as(list.toString()).contains("ok    basics")
                .containsPattern("FAIL  badname .*badname.jar: fails to start: .*Not Valid!")
                .containsPattern("FAIL  strict .*strict.jar: fails to start: .*plugins.strict.token is not set")
                .contains("1 would load, 2 would not");
    }

    @Test
    void plugins_list_checks_the_folder_without_starting_the_bot() throws IOException {
        Launch.Result fine = blacksky(DIST, "plugins", "list").run();
        assertThat(fine.exit()).as(fine.toString()).isZero();
        assertThat(fine.stdout()).contains("ok    basics").contains("ok    notes").contains("ok    moderation")
                .contains("ok    groups").contains("ok    media").contains("ok    poll").contains("6 would load, 0 would not");

        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(DIST.resolve("plugins/blacksky-plugin-basics-" + VERSION + ".jar"), plugins.resolve("basics.jar"));
        Files.writeString(plugins.resolve("junk.jar"), "not a jar");
        Launch.Result broken = blacksky(DIST, "plugins", "list", "--plugins", plugins.toString()).run();
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.stdout()).contains("FAIL").contains("junk.jar: it is not a readable JAR")
                .contains("1 would load, 1 would not");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void malformed_application_conf_stops_start_up_naming_file_and_line() throws IOException {
        Path home = copyOfDistribution();
        Files.writeString(home.resolve("conf/application.conf"), "blacksky {\n  owners = [\"1\"\n  transport = console\n}\n");
        Launch.Result result = blacksky(home, "run", "--console").stdin("!ping\n").run();
        assertThat(result.exit()).as(result.toString()).isEqualTo(3);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains(home.resolve("conf/application.conf").toString()).contains("line 3");
    }

    @Test
    void unknown_key_in_a_config_file_is_reported_by_path() throws IOException {
        Path conf = Files.writeString(tmp.resolve("extra.conf"), "blacksky.dispatch.prefix = [\"!\"]\n");
        Launch.Result result = blacksky(DIST, "run", "--console", "--config", conf.toString()).run();
        assertThat(result.exit()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("extra.conf:1: unknown key blacksky.dispatch.prefix")
                .contains("did you mean blacksky.dispatch.prefixes?");
    }

    @Test
    void version_and_help_work_through_a_symlink_from_any_directory() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("bsky"), DIST.resolve("bin/blacksky"));
        Launch.Result version = Launch.of(link, "--version").env("JAVA_HOME", JAVA_HOME).in(Path.of("/")).run();
        assertThat(version.exit()).as(version.toString()).isZero();
        assertThat(version.stdout()).contains("Blacksky " + VERSION);
        Launch.Result help = Launch.of(link, "--help").env("JAVA_HOME", JAVA_HOME).in(tmp).run();
        assertThat(help.stdout()).contains("run").contains("Exit codes:");
        Launch.Result usage = Launch.of(link, "run", "--no-such-flag").env("JAVA_HOME", JAVA_HOME).run();
        assertThat(usage.exit()).isEqualTo(2);
    }

    // --- JDK selection, with fake JDKs whose bin/java reports a version and echoes its arguments

    private Path fakeJdk(String name, String version) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("jvms").resolve(name).resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = "-version" ]; then echo 'openjdk version "%s" 2026-01-01' >&2; exit 0; fi
                echo "fake java %s $*"
                """.formatted(version, version));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private Launch withoutJavaHome(String pathPrefix, String jvmDirs) {
        return Launch.of(DIST.resolve("bin/blacksky"), "--version").unset("JAVA_HOME")
                .env("PATH", pathPrefix + ":/usr/bin:/bin").env("BLACKSKY_JVM_DIRS", jvmDirs);
    }

    @Test
    void java_home_older_than_21_is_an_error_naming_its_version() throws IOException {
        Path bin = fakeJdk("jdk-17", "17.0.12");
        Launch.Result result = Launch.of(DIST.resolve("bin/blacksky"), "run", "--console")
                .env("JAVA_HOME", bin.getParent().toString()).run();
        assertThat(result.exit()).isNotZero();
        assertThat(result.stderr()).contains("Java 17").contains("21 or newer").contains("JAVA_HOME");
    }

    @Test
    void java_8_style_versions_are_understood() throws IOException {
        Path bin = fakeJdk("jdk8", "1.8.0_392");
        Launch.Result result = Launch.of(DIST.resolve("bin/blacksky"), "--version").env("JAVA_HOME", bin.getParent().toString()).run();
        assertThat(result.exit()).isNotZero();
        assertThat(result.stderr()).contains("Java 8 ");
    }

    @Test
    void without_java_home_a_new_enough_java_on_the_path_is_used() throws IOException {
        Path bin = fakeJdk("jdk-22", "22.0.1");
        Launch.Result result = withoutJavaHome(bin.toString(), tmp.resolve("none").toString()).run();
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("fake java 22.0.1");
    }

    @Test
    void with_an_old_java_on_the_path_the_newest_jdk_in_the_jvm_folders_is_used() throws IOException {
        Path old = fakeJdk("jdk-17", "17.0.12");
        fakeJdk("jdk-21", "21.0.5");
        fakeJdk("jdk-25", "25");
        fakeJdk("jdk-11", "11.0.2");
        Launch.Result result = withoutJavaHome(old.toString(), tmp.resolve("jvms").toString()).run();
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("fake java 25");
    }

    @Test
    void native_heap_trimming_is_asked_only_of_jdks_that_know_the_flag() throws IOException {
        for (String version : List.of("21", "21.0.5", "25")) {
            Path bin = fakeJdk("jdk-" + version, version);
            Launch.Result result = Launch.of(DIST.resolve("bin/blacksky"), "--version")
                    .env("JAVA_HOME", bin.getParent().toString()).run();
            assertThat(result.exit()).as(result.toString()).isZero();
            if (version.equals("21")) {
                assertThat(result.stdout()).as(version).doesNotContain("TrimNativeHeapInterval");
            } else {
                assertThat(result.stdout()).as(version).contains("-XX:TrimNativeHeapInterval=5000");
            }
        }
    }

    @Test
    void with_no_java_21_anywhere_the_error_says_what_was_searched() throws IOException {
        Path old = fakeJdk("jdk-17", "17.0.12");
        Launch.Result result = withoutJavaHome(old.toString(), tmp.resolve("jvms").toString()).run();
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stderr()).contains("no Java 21 or newer found").contains("Java 17")
                .contains(tmp.resolve("jvms").toString());
    }

    @Test
    void archives_unpack_to_a_working_installation() throws Exception {
        Path archive = DIST.resolveSibling("blacksky-" + VERSION + ".tar.gz");
        Launch.Result untar = Launch.of(Path.of("tar"), "-xzf", archive.toString(), "-C", tmp.toString()).run();
        assertThat(untar.exit()).as(untar.toString()).isZero();
        Path home = tmp.resolve("blacksky-" + VERSION);
        Launch.Result result = blacksky(home, "run", "--console").stdin("!ping\n").run();
        assertThat(result.stdout()).isEqualTo("pong\n");
        assertThat(List.of(home.resolve("bin/blacksky").toFile().canExecute())).containsExactly(true);
    }
}
