package dev.blacksky.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.blacksky.core.TestHost;
import dev.blacksky.core.plugin.fixtures.Versions;
import dev.blacksky.core.transport.simulated.SentMessage;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 100 reloads under message load: nothing leaks, no message is lost or answered twice. */
class PluginReloadLeakTest {

    private static final int CYCLES = 100;

    @TempDir
    Path folder;

    @Test
    void one_hundred_reloads_under_load_leak_no_class_loader_and_lose_no_message() throws Exception {
        Path[] builds = new Path[2];
        for (int v = 0; v < 2; v++) {
            builds[v] = TestPluginJar.at(folder.resolve("builds/v" + (v + 1) + ".jar")).attribute("Plugin-Id", "versioned")
                    .attribute("Plugin-Version", (v + 1) + ".0.0").attribute("Plugin-Requires", ">=0.1.0")
                    .extension(v == 0 ? Versions.One.class : Versions.Two.class).write();
        }
        Path installed = folder.resolve("plugins/versioned.jar");
        Files.createDirectories(installed.getParent());
        Files.copy(builds[0], installed);
        try (TestHost bot = TestHost.start(folder, "blacksky.plugin-host.watch = false\nblacksky.dispatch.plugin-threads = 8")) {
            List<WeakReference<ClassLoader>> retired = new ArrayList<>();
            List<CompletableFuture<Void>> handled = new ArrayList<>();
            AtomicBoolean loading = new AtomicBoolean(true);
            Thread feeder = Thread.ofPlatform().start(() -> {
                for (int n = 0; loading.get(); n++) {
                    CompletableFuture<Void> done = bot.host.dispatcher().dispatch(TestHost.privateMessage("user" + (n % 8), "!ver " + n));
                    synchronized (handled) {
                        handled.add(done);
                    }
                    if (n % 64 == 63) {
                        done.join(); // keep a bounded number in flight
                    }
                }
            });
            long threadsAtStart = 0;
            long metaspaceAtStart = 0;
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                retired.add(new WeakReference<>(bot.host.plugins().loaderOf("versioned").orElseThrow()));
                Files.copy(builds[cycle % 2], installed, StandardCopyOption.REPLACE_EXISTING);
                bot.host.plugins().reconcile();
                assertThat(bot.host.plugins().failures()).isEmpty();
                if (cycle == 20) {
                    System.gc();
                    threadsAtStart = hostThreads();
                    metaspaceAtStart = metaspaceUsed();
                }
            }
            loading.set(false);
            feeder.join();
            List<CompletableFuture<Void>> all;
            synchronized (handled) {
                all = List.copyOf(handled);
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            // every message answered exactly once, by one version or the other
            Map<String, Integer> answers = new HashMap<>();
            for (SentMessage sent : bot.transport.sent()) {
                String[] parts = sent.text().split(" ");
                assertThat(parts[0]).isIn("v1", "v2");
                answers.merge(parts[1], 1, Integer::sum);
            }
            assertThat(answers).hasSize(all.size());
            assertThat(answers.values()).allMatch(count -> count == 1);
            assertThat(all.size()).as("messages sent during the reloads").isGreaterThan(CYCLES);

            // the retired versions' class loaders become unreachable
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                System.gc();
                return retired.stream().allMatch(ref -> ref.get() == null);
            });
            long threadsAtEnd = hostThreads();
            long metaspaceAtEnd = metaspaceUsed();
            assertThat(threadsAtEnd).as("platform threads besides dispatch's").isBetween(threadsAtStart - 5, threadsAtStart + 5);
            assertThat(dispatchThreads()).as("dispatch threads, a pool of its configured size").isLessThanOrEqualTo(8);
            assertThat(metaspaceAtEnd - metaspaceAtStart).as("metaspace growth in bytes").isLessThan(8L << 20);
        }
    }

    private static long hostThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.getName().startsWith("blacksky-dispatch-")).count();
    }

    private static long dispatchThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("blacksky-dispatch-")).count();
    }

    private static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
