package dev.blacksky.bench;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.Blacksky;
import dev.blacksky.core.BotHost;
import dev.blacksky.core.HostOptions;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.plugin.PluginStatus;
import dev.blacksky.core.transport.Inbound;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The plugin host's own numbers: start-up time with N plugin JARs ({@code startup N}), and the latency from a
 * replaced plugin JAR to its new version serving, through the real folder watcher ({@code reload K}).
 */
public final class PluginHostBenchmark {

    private PluginHostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("startup") || args[0].equals("reload"))) {
            System.err.println("usage: PluginHostBenchmark startup <plugins> | reload <times>");
            System.exit(2);
        }
        Path home = Files.createTempDirectory("blacksky-bench-");
        try {
            int count = Integer.parseInt(args[1]);
            System.exit(args[0].equals("startup") ? startup(home, count) : reload(home, count));
        } finally {
            RoutingBenchmark.deleteRecursively(home);
        }
    }

    private static BotHost host(Path home, String config, SinkTransport transport) throws Exception {
        Path conf = home.resolve("bench.conf");
        Files.writeString(conf, "blacksky.dispatch.reply-to-unknown-in-private = false\n" + config, StandardCharsets.UTF_8);
        HostOptions options = new HostOptions(home, new ConfigSources(null, List.of(conf), System.getenv()),
                home.resolve("data"), home.resolve("plugins"), null, Clock.systemUTC());
        return Blacksky.create(options, transport);
    }

    private static int startup(Path home, int plugins) throws Exception {
        List<PluginJars.Unit> units = new ArrayList<>();
        for (int i = 0; i < plugins; i++) {
            units.add(new PluginJars.Unit("p" + i, List.of("c" + i), false));
        }
        PluginJars.write(home.resolve("plugins"), units);
        BotHost host = host(home, PluginJars.config(units), new SinkTransport((chat, text) -> { }));
        long started = System.nanoTime();
        host.start();
        long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long jvmToReady = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        int running = host.plugins().startedPlugins().size();
        host.stop();
        if (running != plugins) {
            System.out.println("INVALID only " + running + " of " + plugins + " plugins started");
            return 1;
        }
        System.out.printf("RESULT mode=startup plugins=%d startMs=%d jvmToReadyMs=%d rssKb=%d%n", plugins, startMillis,
                jvmToReady, RoutingBenchmark.procStatusKb("VmRSS"));
        return 0;
    }

    private static int reload(Path home, int times) throws Exception {
        PluginJars.Unit unit = new PluginJars.Unit("versioned", List.of("echo"), false);
        Path plugins = home.resolve("plugins");
        Path builds = home.resolve("builds");
        PluginJars.write(plugins, List.of(unit), "1.0.0");
        AtomicReference<String> lastReply = new AtomicReference<>("");
        SinkTransport transport = new SinkTransport((chat, text) -> lastReply.set(text));
        BotHost host = host(home, PluginJars.config(List.of(unit)), transport);
        host.start();
        long[] latencies = new long[times];
        try {
            for (int k = 0; k < times; k++) {
                String version = (k + 2) + ".0.0";
                Path build = builds.resolve(version);
                PluginJars.write(build, List.of(unit), version);
                long t0 = System.nanoTime();
                Files.move(build.resolve("versioned.jar"), plugins.resolve("versioned.jar"),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
                while (!version.equals(versionOf(host))) {
                    if (System.nanoTime() > deadline) {
                        System.out.println("INVALID version " + version + " never started: " + host.plugins().failures());
                        return 1;
                    }
                    LockSupport.parkNanos(200_000); // measurement polling at 0.2 ms resolution
                }
                String probe = "served " + k;
                host.dispatcher().dispatch(new Inbound(message(k, "!echo " + probe), false)).get(10, TimeUnit.SECONDS);
                latencies[k] = System.nanoTime() - t0;
                if (!probe.equals(lastReply.get())) {
                    System.out.println("INVALID the reloaded plugin did not answer: " + lastReply.get());
                    return 1;
                }
            }
        } finally {
            host.stop();
        }
        Arrays.sort(latencies);
        System.out.printf("RESULT mode=reload reloads=%d medianMs=%.1f p90Ms=%.1f minMs=%.1f maxMs=%.1f%n", times,
                ms(latencies[times / 2]), ms(latencies[(int) (times * 0.9)]), ms(latencies[0]), ms(latencies[times - 1]));
        return 0;
    }

    private static String versionOf(BotHost host) {
        return host.plugins().status().stream().filter(s -> s.pluginId().equals("versioned"))
                .filter(s -> s.state() == PluginStatus.State.RUNNING).map(PluginStatus::version).findFirst().orElse("");
    }

    private static Message message(int k, String text) {
        Chat chat = new Chat(ChatId.of("operator"), ChatType.PRIVATE, "operator");
        return Message.text("reload-" + k, chat, new User(UserId.of("operator"), "operator"), text, Instant.now());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
