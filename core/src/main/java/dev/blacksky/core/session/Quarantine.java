package dev.blacksky.core.session;

import dev.blacksky.core.storage.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Moves session folders aside to {@code quarantine/<time>-<reason>/} instead of deleting them: re-pairing is an
 * operator's decision, and a moved folder can still be inspected or restored.
 */
public final class Quarantine {

    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private final Path root;

    public Quarantine(Path root) {
        this.root = root;
    }

    /** Moves each existing path into one new quarantine folder and returns that folder. */
    public Path move(List<Path> paths, String reason, Instant now) throws IOException {
        String safeReason = reason.replaceAll("[^A-Za-z0-9_-]", "-");
        Path target = root.resolve(stamp(now) + "-" + safeReason);
        for (int n = 1; Files.exists(target); n++) {
            target = root.resolve(stamp(now) + "-" + safeReason + "-" + n);
        }
        Files.createDirectories(target);
        for (Path path : paths) {
            if (Files.exists(path)) {
                DurableFiles.rename(path, target.resolve(path.getFileName()));
            }
        }
        return target;
    }

    /** A file-name-safe UTC time, sortable as text: 20261126T223800.123Z. */
    static String stamp(Instant time) {
        return STAMP.format(time);
    }

    public Path root() {
        return root;
    }
}
