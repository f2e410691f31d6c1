package dev.blacksky.core.session;

import dev.blacksky.core.storage.DurableFiles;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Child process of the torture test, on a bare class path: persists versions start, start+1, ... of keys.proto
 * and store.proto through {@link DurableFiles}, each followed by a backup, printing each version once it is
 * fully persisted, until it is killed.
 */
public final class TornWriterMain {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long start = Long.parseLong(args[1]);
        DurableFiles files = new DurableFiles(0);
        Backups backups = new Backups(Path.of(args[2]), files, new VersionedFileCheck(), 3);
        for (long version = start; ; version++) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            files.write(dir.resolve("keys.proto"), VersionedFileCheck.encode(version, random.nextInt(1, 64 * 1024)));
            files.write(dir.resolve("store.proto"), VersionedFileCheck.encode(version, random.nextInt(1, 256 * 1024)));
            backups.snapshot(dir, Instant.now());
            System.out.println(version);
            System.out.flush();
        }
    }
}
