package dev.blacksky.bench;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.core.Blacksky;
import dev.blacksky.core.BotHost;
import dev.blacksky.core.HostOptions;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.plugin.PluginFailure;
import dev.blacksky.core.transport.Transport;
import dev.blacksky.core.transport.simulated.SimulatedTransport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The routing benchmark (its workload is in docs/benchmarks.md): a real host loads the bench plugin JARs through PF4J, then a warm-up and
 * a measured phase of messages go through {@code Dispatcher.dispatch}; prints one {@code RESULT key=value ...}
 * line and a human summary, and exits 1 if the run is invalid.
 *
 * <pre>usage: RoutingBenchmark N serial|pipelined one-plugin|plugin-per-command [M=200000] [warmup=20000]
 *                         [transport=sink|simulated]</pre>
 *
 * <p>{@code sink} (the default) hands replies straight to the harness; {@code simulated} uses core's
 * SimulatedTransport, which also records every message sent and so adds its own cost as the run grows.
 */
public final class RoutingBenchmark {

    private static final int PIPELINE_DEPTH = 64;
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(30); // > the 10 s command timeout
    private static final String USAGE = "usage: RoutingBenchmark N serial|pipelined one-plugin|plugin-per-command"
            + " [M=200000] [warmup=20000] [transport=sink|simulated]";

    private final int n;
    private final String mode;
    private final Packaging packaging;
    private final int m;
    private final int warmup;
    private final String transportName;
    private volatile Phase current; // where replies go; switched only while nothing is in flight

    private RoutingBenchmark(String[] args) {
        if (args.length < 3 || args.length > 6) {
            throw new IllegalArgumentException(USAGE);
        }
        n = Integer.parseInt(args[0]);
        mode = args[1];
        if (!mode.equals("serial") && !mode.equals("pipelined")) {
            throw new IllegalArgumentException("mode must be serial or pipelined, was '" + mode + "'");
        }
        packaging = Packaging.fromArgument(args[2]);
        m = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
        warmup = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        transportName = args.length > 5 ? args[5] : "sink";
        if (!transportName.equals("simulated") && !transportName.equals("sink")) {
            throw new IllegalArgumentException("transport must be simulated or sink, was '" + transportName + "'");
        }
        if (n < 1 || m < 1 || warmup < 0) {
            throw new IllegalArgumentException("N and M must be positive and warmup not negative");
        }
    }

    public static void main(String[] args) throws Exception {
        RoutingBenchmark benchmark;
        try {
            benchmark = new RoutingBenchmark(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Path home = Files.createTempDirectory("blacksky-bench-");
        int exit;
        try {
            exit = benchmark.run(home);
        } finally {
            deleteRecursively(home);
        }
        System.exit(exit);
    }

    private int run(Path home) throws Exception {
        Workload workload = new Workload(n);
        ThreadTimeline.startIfEnabled();
        long prepareStart = System.nanoTime();
        List<PluginJars.Unit> units = PluginJars.layout(n, packaging);
        PluginJars.write(home.resolve("plugins"), units);
        Path conf = home.resolve("bench.conf");
        Files.writeString(conf, hostConfig() + PluginJars.config(units), StandardCharsets.UTF_8);
        long prepareNanos = System.nanoTime() - prepareStart;

        Transport transport = transport();
        // CONFIG_FORCE_... variables reach the host as they would in production, for tuning experiments.
        HostOptions options = new HostOptions(home, new ConfigSources(null, List.of(conf), System.getenv()),
                home.resolve("data"), home.resolve("plugins"), null, Clock.systemUTC());
        long createStart = System.nanoTime();
        BotHost host = Blacksky.create(options, transport);
        long startStart = System.nanoTime();
        host.start();
        long startNanos = System.nanoTime() - startStart;
        long readyEpochMillis = System.currentTimeMillis();
        long createNanos = startStart - createStart;
        long jvmToReadyMillis = readyEpochMillis - ManagementFactory.getRuntimeMXBean().getStartTime();

        try {
            String loadProblem = checkLoaded(host, units);
            if (loadProblem != null) {
                System.out.println("INVALID " + loadProblem);
                return 1;
            }
            if (warmup > 0) {
                Phase.Result warm = runPhase(host, new Phase("warm-up", workload, Workload.WARMUP_BASE, warmup, window()));
                if (!warm.valid()) {
                    System.out.println("INVALID warm-up: " + String.join("; ", warm.problems()));
                    return 1;
                }
            }
            Phase measured = new Phase("measured", workload, 0, m, window());
            Phase.Result result = runPhase(host, measured);
            System.out.println("windows of 20,000 messages, thousand msg/s: " + measured.windows(20_000));
            long rssKb = procStatusKb("VmRSS");
            long hwmKb = procStatusKb("VmHWM");
            current = null;
            report(result, units, prepareNanos, createNanos, startNanos, jvmToReadyMillis, rssKb, hwmKb);
            return result.valid() ? 0 : 1;
        } catch (Phase.StalledException e) {
            System.out.println("INVALID " + e.getMessage());
            return 1;
        } finally {
            host.stop();
        }
    }

    private Transport transport() {
        if (transportName.equals("sink")) {
            return new SinkTransport(this::sent);
        }
        SimulatedTransport simulated = new SimulatedTransport();
        simulated.onSend(sent -> sent(sent.chat(), sent.text()));
        return simulated;
    }

    private void sent(ChatId chat, String text) {
        Phase phase = current;
        if (phase != null) {
            phase.replied(chat, text);
        } else {
            System.err.println("a reply outside any phase, in chat " + chat + ": " + text);
        }
    }

    private Phase.Result runPhase(BotHost host, Phase phase) throws InterruptedException, Phase.StalledException {
        current = phase;
        ThreadTimeline.mark(phase.name() + " starts");
        phase.run(host.dispatcher(), STALL_NANOS);
        ThreadTimeline.mark(phase.name() + " ends");
        return phase.result();
    }

    private int window() {
        return mode.equals("serial") ? 1 : PIPELINE_DEPTH;
    }

    private static String hostConfig() {
        return """
                blacksky.dispatch {
                  command-timeout = 10s
                  reply-to-unknown-in-private = false
                  reply-to-unknown-in-groups = false
                }
                """;
    }

    /** Returns why the plugins did not all load, or null if they did. */
    private static String checkLoaded(BotHost host, List<PluginJars.Unit> units) {
        List<PluginFailure> failures = host.plugins().failures();
        if (!failures.isEmpty()) {
            return "plugins failed to load: " + failures.stream().map(PluginFailure::describe).toList();
        }
        int started = host.plugins().startedPlugins().size();
        return started == units.size() ? null : "started " + started + " plugins, expected " + units.size();
    }

    private void report(Phase.Result r, List<PluginJars.Unit> units, long prepareNanos, long createNanos,
                        long startNanos, long jvmToReadyMillis, long rssKb, long hwmKb) {
        int commands = units.stream().mapToInt(PluginJars.Unit::commandCount).sum();
        String line = String.format(Locale.ROOT,
                "RESULT n=%d mode=%s packaging=%s transport=%s m=%d warmup=%d valid=%b replies=%d expectedReplies=%d"
                        + " msgsPerSec=%.0f replyMeanUs=%.2f replyP50Us=%.2f replyP99Us=%.2f"
                        + " dispatchMeanUs=%.2f dispatchP50Us=%.2f dispatchP99Us=%.2f"
                        + " plugins=%d commands=%d prepareMs=%.1f createMs=%.1f startMs=%.1f jvmToReadyMs=%d"
                        + " rssAfterKb=%d hwmKb=%d cpus=%d java=%s",
                n, mode, packaging.argument(), transportName, m, warmup, r.valid(), r.replies(), r.expectedReplies(),
                r.msgsPerSec(), r.reply().meanUs(), r.reply().p50Us(), r.reply().p99Us(),
                r.dispatch().meanUs(), r.dispatch().p50Us(), r.dispatch().p99Us(),
                units.size(), commands, prepareNanos / 1e6, createNanos / 1e6, startNanos / 1e6, jvmToReadyMillis,
                rssKb, hwmKb, Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println(line);
        System.out.println(String.format(Locale.ROOT,
                "N=%d %s %s (%d plugins, %s transport): %,.0f msg/s over %,d messages; reply latency us mean/p50/p99"
                        + " %.1f/%.1f/%.1f; dispatch latency us mean/p50/p99 %.1f/%.1f/%.1f; host.start() %.0f ms;"
                        + " JVM start to ready %d ms (%.0f ms of it writing plugin JARs); RSS after last message"
                        + " %.1f MiB; %s",
                n, packaging.argument(), mode, units.size(), transportName, r.msgsPerSec(), m,
                r.reply().meanUs(), r.reply().p50Us(), r.reply().p99Us(),
                r.dispatch().meanUs(), r.dispatch().p50Us(), r.dispatch().p99Us(),
                startNanos / 1e6, jvmToReadyMillis, prepareNanos / 1e6, rssKb / 1024.0,
                r.valid() ? "valid (" + r.replies() + "/" + r.expectedReplies() + " replies)" : "INVALID"));
        if (!r.valid()) {
            System.out.println("INVALID " + String.join("; ", r.problems()));
        }
    }

    /** A {@code kB} line of /proc/self/status (VmRSS, VmHWM), or -1 where there is none. */
    static long procStatusKb(String key) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith(key + ":"))
                    .map(l -> Long.parseLong(l.substring(key.length() + 1).replace("kB", "").trim()))
                    .findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
