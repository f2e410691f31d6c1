package dev.blacksky.core.session;

import dev.blacksky.core.storage.DurableFiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torn-write torture: a child JVM persists versions in a tight loop and is
 * killed with SIGKILL after a random number of completed versions, so the kill lands somewhere inside the next
 * write. After every kill the files must load, each holding the last completed version or the one after it.
 * 200 rounds by default; {@code -Dblacksky.torture.iterations=1000} for the long run (docs/benchmarks.md).
 */
class TornWriteTortureTest {

    private static final int ITERATIONS = Integer.getInteger("blacksky.torture.iterations", 200);

    @TempDir
    Path tmp;

    // Only our compiled classes: no libraries, so each child starts in a fraction of a second.
    private static String bareClassPath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(p -> p.endsWith("classes") || p.endsWith("test-classes"))
                .reduce((a, b) -> a + File.pathSeparator + b)
                .orElseGet(() -> Path.of("target/classes") + File.pathSeparator + Path.of("target/test-classes"));
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void every_restart_after_sigkill_loads_the_old_or_the_new_version() throws Exception {
        // Two independent lanes (own folders, own children) so that one child's JVM start-up overlaps the
        // other's writes; each lane checks its own invariants.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var lanes = List.of(pool.submit(() -> lane(tmp.resolve("lane-a"), ITERATIONS / 2)),
                    pool.submit(() -> lane(tmp.resolve("lane-b"), ITERATIONS - ITERATIONS / 2)));
            int[] totals = new int[3];
            for (var lane : lanes) {
                int[] result = lane.get();
                for (int i = 0; i < 3; i++) {
                    totals[i] += result[i];
                }
            }
            System.out.printf("torture: %d rounds; %d kills left a half-written temp file, %d left a version newer"
                    + " than the last one reported; %d versions persisted%n", ITERATIONS, totals[0], totals[1], totals[2]);
        } finally {
            pool.shutdownNow();
        }
    }

    private int[] lane(Path root, int rounds) throws Exception {
        Path dir = Files.createDirectories(root.resolve("cobalt/web/00000000-0000-4000-8000-000000000001"));
        Path backupsDir = root.resolve("backups");
        DurableFiles files = new DurableFiles(0);
        VersionedFileCheck check = new VersionedFileCheck();
        Backups backups = new Backups(backupsDir, files, check, 3);
        SessionRecovery recovery = new SessionRecovery(backups, files, check, Clock.systemUTC());
        files.write(dir.resolve("keys.proto"), VersionedFileCheck.encode(0, 100));
        files.write(dir.resolve("store.proto"), VersionedFileCheck.encode(0, 100));
        backups.snapshot(dir, Instant.now());

        String classPath = bareClassPath();
        long confirmed = 0;
        int midWriteKills = 0;
        int newerSurvived = 0;
        java.util.Set<Path> seenTemps = new java.util.HashSet<>();
        for (int round = 0; round < rounds; round++) {
            Process child = ChildJvm.start(classPath, TornWriterMain.class, dir.toString(),
                    Long.toString(confirmed + 1), backupsDir.toString());
            int waitFor = ThreadLocalRandom.current().nextInt(1, 3);
            long lastPrinted = confirmed;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("the other lane failed");
                }
                for (int seen = 0; seen < waitFor; seen++) {
                    String line = out.readLine();
                    assertThat(line).as("child output in round " + round).isNotNull();
                    lastPrinted = Long.parseLong(line);
                }
                // The child is now inside its next version; waiting on it for a random 0-20 ms (it never exits by
                // itself) spreads the kill over that write: temp file, fsync, rename, backup.
                assertThat(child.waitFor(ThreadLocalRandom.current().nextLong(20_000), TimeUnit.MICROSECONDS)).isFalse();
                child.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly it keeps our end of the pipe open
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lastPrinted = Long.parseLong(line);
                }
            } finally {
                child.toHandle().destroyForcibly(); // never leave a writer looping after a failed assertion
            }

            LoadCheck loaded = recovery.ensureLoadable(dir);
            assertThat(loaded).as("round " + round).isInstanceOf(LoadCheck.Intact.class);
            long keys = VersionedFileCheck.version(Files.readAllBytes(dir.resolve("keys.proto")));
            long store = VersionedFileCheck.version(Files.readAllBytes(dir.resolve("store.proto")));
            assertThat(keys).as("keys.proto version in round " + round).isBetween(lastPrinted, lastPrinted + 1);
            assertThat(store).as("store.proto version in round " + round).isBetween(lastPrinted, keys);
            assertThat(backups.list()).as("backups in round " + round).allMatch(Backup::valid).isNotEmpty();
            if (keys > lastPrinted || store > lastPrinted) {
                newerSurvived++;
            }
            try (var leftovers = Files.list(dir)) {
                if (leftovers.anyMatch(p -> p.getFileName().toString().contains(".tmp-") && !seenTemps.contains(p))) {
                    midWriteKills++;
                }
            }
            try (var leftovers = Files.list(dir)) {
                leftovers.forEach(seenTemps::add);
            }
            confirmed = Math.max(keys, store);
        }
        return new int[] {midWriteKills, newerSurvived, (int) confirmed};
    }
}
