package dev.blacksky.core.session;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One checksummed snapshot of a session folder in {@code backups/}: {@code problem} is null when every file
 * matches its recorded SHA-256 and size and decodes.
 */
public record Backup(String name, Path dir, long sequence, String sessionId, Instant created,
                     Map<String, Long> sizes, String problem) {

    public boolean valid() {
        return problem == null;
    }
}
