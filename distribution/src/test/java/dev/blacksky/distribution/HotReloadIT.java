package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin host operated live, from the packaged distribution in console mode. */
class HotReloadIT {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();
    private static final String VERSION = System.getProperty("blacksky.version", "0.1.0");

    @TempDir
    Path tmp;

    @Test
    void plugins_are_added_replaced_and_removed_while_the_bot_runs() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(DIST.resolve("plugins/blacksky-plugin-basics-" + VERSION + ".jar"), plugins.resolve("basics.jar"));
        Path notes = DIST.resolve("plugins/blacksky-plugin-notes-" + VERSION + ".jar");
        try (Console bot = new Console(DIST, System.getProperty("java.home"), "--plugins", plugins.toString(),
                "--data", tmp.resolve("data").toString())) {
            bot.say("!ping");
            assertThat(bot.reply()).isEqualTo("pong");

            // added: answers within 2 s, no restart
            long copied = System.nanoTime();
            Files.copy(notes, plugins.resolve("notes.jar"));
            String answer = untilKnown(bot, "!notes");
            assertThat(answer).isEqualTo("You have no notes yet. Add one with !note <text>.");
            System.out.printf("HotReloadIT: the new command answered %d ms after the copy%n", (System.nanoTime() - copied) / 1_000_000);

            // replaced by another version while messages keep coming: each one answered once
            bot.say("!note keep me");
            assertThat(bot.reply()).isEqualTo("Saved as note 1.");
            Path v2 = withVersion(notes, tmp.resolve("notes-2.jar"), "2.0.0");
            Files.move(v2, plugins.resolve("notes.jar"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            for (int i = 0; i < 40; i++) {
                bot.say("!notes");
            }
            for (int i = 0; i < 40; i++) {
                assertThat(bot.reply()).isEqualTo("1. keep me");
            }
            assertThat(untilVersion(bot, "2.0.0")).contains("State: running");

            // a broken JAR is skipped; everything else keeps answering
            byte[] bytes = Files.readAllBytes(notes);
            Files.write(plugins.resolve("broken.jar"), Arrays.copyOf(bytes, bytes.length / 2));
            bot.say("!ping");
            assertThat(bot.reply()).isEqualTo("pong");

            // removed: the command is gone
            Files.delete(plugins.resolve("notes.jar"));
            untilReply(bot, "!notes", "Unknown command !notes");
            assertThat(bot.close(30)).isZero();
            assertThat(bot.stderr).anyMatch(line -> line.contains("broken.jar"));
        }
    }

    // Asks until the command exists (the watcher works in the background); returns its first real answer.
    private static String untilKnown(Console bot, String command) throws InterruptedException {
        return untilReply(bot, command, "");
    }

    private static String untilReply(Console bot, String command, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            bot.say(command);
            String reply = bot.reply();
            if (prefix.isEmpty() ? !reply.startsWith("Unknown command") : reply.startsWith(prefix)) {
                return reply;
            }
        }
        throw new AssertionError("'" + command + "' never answered '" + prefix + "...'");
    }

    // "!plugin info notes" answers several lines, the last one starting with "Sends:".
    private static String untilVersion(Console bot, String version) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            bot.say("!plugin info notes");
            StringBuilder block = new StringBuilder();
            for (String line = bot.reply(); ; line = bot.reply()) {
                block.append(line).append('\n');
                if (line.startsWith("Sends:")) {
                    break;
                }
            }
            if (block.toString().startsWith("Plugin 'notes' " + version)) {
                return block.toString();
            }
        }
        throw new AssertionError("notes never reached version " + version);
    }

    // The same plugin with another version in its manifest: a different file, as a new build would be.
    private static Path withVersion(Path jar, Path target, String version) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Plugin-Version", version);
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                }
            }
        }
        return target;
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
