package dev.blacksky.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A diagnostic ({@code -Dbench.threadTimeline=true}): every 50 ms, the CPU time each thread group used since
 * the last line, from /proc/self/task (Linux), on stderr. Shows who has the cores while a run warms up, e.g.
 * the C2 compiler thread against the dispatch worker and the feeding thread. {@code -Dbench.phaseMarks=true}
 * prints only when each phase starts and ends (uptime and wall clock), to line up with a JFR recording.
 */
final class ThreadTimeline {

    private static final boolean ENABLED = Boolean.getBoolean("bench.threadTimeline");
    private static final boolean MARKS = ENABLED || Boolean.getBoolean("bench.phaseMarks");
    private static final long PERIOD_MILLIS = 50;
    private static final long MILLIS_PER_TICK = 10; // USER_HZ is 100 on Linux

    private ThreadTimeline() {
    }

    /** Starts the sampler if enabled; idempotent enough for one call per run. */
    static void startIfEnabled() {
        if (ENABLED) {
            Thread.ofPlatform().name("bench-thread-timeline").daemon().start(ThreadTimeline::sample);
        }
    }

    /** Marks a point (a phase starting or ending) in the timeline. */
    static void mark(String what) {
        if (MARKS) {
            System.err.println("timeline " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms: " + what + " at " + java.time.Instant.now());
        }
    }

    private static void sample() {
        Map<String, Long> previous = new HashMap<>();
        try {
            while (true) {
                Map<String, Long> now = ticksByGroup();
                StringBuilder line = new StringBuilder("timeline " + ManagementFactory.getRuntimeMXBean().getUptime()
                        + " ms: cpu ms in the last " + PERIOD_MILLIS + " ms:");
                now.forEach((group, ticks) -> {
                    long used = (ticks - previous.getOrDefault(group, 0L)) * MILLIS_PER_TICK;
                    if (used > 0) {
                        line.append(' ').append(group).append('=').append(used);
                    }
                });
                previous.putAll(now);
                System.err.println(line);
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException | IOException e) {
            System.err.println("timeline stopped: " + e);
        }
    }

    // Per thread name, digits dropped ("C2 CompilerThread0" and "...1" add up), user plus system time in ticks.
    private static Map<String, Long> ticksByGroup() throws IOException {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[0-9#]+", "").replace(' ', '_');
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks;
    }
}
