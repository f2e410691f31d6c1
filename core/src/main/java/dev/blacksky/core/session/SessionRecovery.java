package dev.blacksky.core.session;

import dev.blacksky.core.storage.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validates a session folder before load; a damaged file is replaced by the newest valid backup, never by nothing. */
public final class SessionRecovery {

    private final Backups backups;
    private final DurableFiles files;
    private final SessionFileCheck check;
    private final Clock clock;

    public SessionRecovery(Backups backups, DurableFiles files, SessionFileCheck check, Clock clock) {
        this.backups = backups;
        this.files = files;
        this.check = check;
        this.clock = clock;
    }

    public LoadCheck ensureLoadable(Path sessionDir) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Path file : Backups.sessionFiles(sessionDir)) {
            contents.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
        if (contents.keySet().stream().noneMatch(check.requiredFiles()::contains) || check.unpaired(contents)) {
            return new LoadCheck.Absent();
        }
        String problem = backups.problem(contents);
        if (problem == null) {
            return new LoadCheck.Intact();
        }
        String sessionId = sessionDir.getFileName().toString();
        Optional<Backup> backup = backups.newestValid(sessionId);
        if (backup.isEmpty()) {
            throw new SessionCorruptException("The session in " + sessionDir + " is damaged (" + problem + ") and"
                    + " no valid backup exists in " + backups.list().stream().findFirst().map(b -> b.dir().getParent())
                    .map(Path::toString).orElse("the backups folder") + ". Nothing was changed. Inspect the files,"
                    + " restore one with 'blacksky session restore <backup>', or pair again after"
                    + " 'blacksky session reset --yes' (which moves the damaged session to quarantine).");
        }
        return restore(sessionDir, backup.get(), problem);
    }

    // Each damaged or replaced file is first copied aside, then overwritten atomically with the backup's copy,
    // so a crash at any point leaves the old file or the restored one and the next start simply retries.
    private LoadCheck restore(Path sessionDir, Backup backup, String problem) throws IOException {
        String stamp = Backups.stamp(clock.instant());
        List<Path> kept = new ArrayList<>();
        for (String name : backup.sizes().keySet()) {
            Path file = sessionDir.resolve(name);
            if (Files.exists(file)) {
                byte[] bytes = Files.readAllBytes(file);
                boolean bad = check.requiredFiles().contains(name) && check.problem(name, bytes) != null;
                Path aside = file.resolveSibling(name + (bad ? ".corrupt-" : ".replaced-") + stamp);
                files.write(aside, bytes);
                kept.add(aside);
            }
        }
        for (String name : backup.sizes().keySet()) {
            files.copy(backup.dir().resolve(name), sessionDir.resolve(name));
        }
        org.slf4j.LoggerFactory.getLogger(SessionRecovery.class).warn(
                "Session {} was damaged ({}); restored backup {} and kept the old files as {}",
                sessionDir, problem, backup.name(), kept);
        return new LoadCheck.Restored(backup.name(), List.copyOf(kept));
    }
}
