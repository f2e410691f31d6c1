package dev.blacksky.core.session;

import dev.blacksky.core.storage.DurableFiles;
import dev.blacksky.core.storage.WriteRefusedException;

import it.auties.whatsapp.controller.ControllerSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One account's session: the lock from {@link #open()} to {@link #close()}, backups, restore and quarantine. */
public final class SessionService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final AccountLayout layout;
    private final Clock clock;
    private final DurableFiles files;
    private final Backups backups;
    private final SessionRecovery recovery;
    private final List<Consumer<SessionEvent>> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder writes = new LongAdder();
    private final LongAdder backupsTaken = new LongAdder();
    private AccountLock lock;
    private boolean writesRefused;

    public SessionService(AccountLayout layout, SessionSettings settings, SessionFileCheck check, Clock clock) {
        this.layout = layout;
        this.clock = clock;
        this.files = new DurableFiles(settings.minFreeBytes());
        this.backups = new Backups(layout.backups(), files, check, settings.backupsToKeep());
        this.recovery = new SessionRecovery(backups, files, check, clock);
    }

    /** Takes the account lock; throws {@link SessionLockedException} naming the owner if another process has it. */
    public synchronized void open() {
        if (lock != null) {
            return;
        }
        lock = AccountLock.acquire(layout, clock.instant());
        log.info("Session lock taken for account '{}' ({})", layout.name(), layout.lockFile());
        CobaltCheck.verify();
    }

    public synchronized boolean isOpen() {
        return lock != null;
    }

    @Override
    public synchronized void close() {
        if (lock != null) {
            lock.close();
            lock = null;
            log.info("Session lock released for account '{}'", layout.name());
        }
    }

    public AccountLayout layout() {
        return layout;
    }

    /** Completed session writes since start. */
    public long writes() {
        return writes.sum();
    }

    /** Backups taken since start. */
    public long backupsTaken() {
        return backupsTaken.sum();
    }

    public Backups backups() {
        return backups;
    }

    /** Hears what the session layer reports besides its log lines (tests and embedders). */
    public void addListener(Consumer<SessionEvent> listener) {
        listeners.add(listener);
    }

    /** The serializer to hand Cobalt's builder; only while this process holds the lock. */
    public GuardedSerializer serializer() {
        requireOpen();
        return new GuardedSerializer(ControllerSerializer.toProtobuf(layout.cobalt()), this);
    }

    /** Cobalt's session folders ({@code cobalt/web/<uuid>}), sorted. */
    public List<Path> sessionDirs() {
        Path web = layout.cobalt().resolve("web");
        if (!Files.isDirectory(web)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(web)) {
            return dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Before Cobalt writes: false when the disk is below the floor (Cobalt's own write can truncate on a full disk). */
    synchronized boolean roomToWrite(Path sessionDir) {
        try {
            String problem = files.roomProblem(sessionDir, 0);
            if (problem == null) {
                return true;
            }
            if (!writesRefused) {
                writesRefused = true;
                log.error("DEGRADED: not writing session {}: {}; the previous files are kept", sessionDir, problem);
            }
            emit(new SessionEvent.WritesRefused(sessionDir, problem));
            return false;
        } catch (IOException e) {
            log.warn("Cannot check the free space for {}; writing anyway", sessionDir, e);
            return true;
        }
    }

    /** Replaces a session file crash-safely (temp file, fsync, atomic rename, folder fsync). */
    void writeDurably(Path file, byte[] bytes) throws IOException {
        files.write(file, bytes);
    }

    /** After a completed write: snapshot the folder; a refused write is reported, never thrown at Cobalt. */
    synchronized void afterWrite(Path sessionDir) {
        writes.increment();
        try {
            backups.snapshot(sessionDir, clock.instant()).ifPresent(taken -> {
                backupsTaken.increment();
                emit(new SessionEvent.BackedUp(taken));
            });
            if (writesRefused) {
                writesRefused = false;
                log.info("Session writes succeed again");
                emit(new SessionEvent.WritesResumed());
            }
        } catch (WriteRefusedException e) {
            if (!writesRefused) {
                writesRefused = true;
                log.error("DEGRADED: {}", e.getMessage());
            }
            emit(new SessionEvent.WritesRefused(e.target(), e.getMessage()));
        } catch (IOException | RuntimeException e) {
            log.error("Backing up session {} failed; the session itself is unchanged", sessionDir, e);
        }
    }

    /** Validates a session folder before load: see {@link SessionRecovery}. */
    public LoadCheck ensureLoadable(Path sessionDir) {
        try {
            LoadCheck result = recovery.ensureLoadable(sessionDir);
            if (result instanceof LoadCheck.Restored restored) {
                emit(new SessionEvent.RestoredFromBackup(restored.backup(), restored.keptFiles()));
            }
            return result;
        } catch (SessionCorruptException e) {
            log.error("SESSION_CORRUPT: {}", e.getMessage());
            emit(new SessionEvent.Corrupt(e.getMessage()));
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the session in " + sessionDir, e);
        }
    }

    /** Moves {@code paths} to a new {@code quarantine/<time>-<reason>/}; the only way session files leave. */
    public Path quarantine(List<Path> paths, String reason) {
        String name = Backups.stamp(clock.instant()) + "-" + reason.replaceAll("[^A-Za-z0-9_-]", "-");
        Path target = layout.quarantine().resolve(name);
        try {
            for (int n = 1; Files.exists(target); n++) {
                target = layout.quarantine().resolve(name + "-" + n);
            }
            Files.createDirectories(target);
            for (Path path : paths) {
                if (Files.exists(path)) {
                    DurableFiles.rename(path, target.resolve(path.getFileName()));
                }
            }
            log.warn("Session files {} moved to quarantine {} ({})", paths, target, reason);
            emit(new SessionEvent.Quarantined(target, reason));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + paths + " to quarantine; nothing was deleted", e);
        }
    }

    /** Takes a backup of every session folder now. */
    public List<Backup> backupNow() {
        requireOpen();
        try {
            List<Backup> taken = new java.util.ArrayList<>();
            for (Path dir : sessionDirs()) {
                backups.snapshot(dir, clock.instant()).ifPresent(taken::add);
            }
            return taken;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a backup's files back, the current folder of that session moved to quarantine first. */
    public Optional<Path> restore(Backup backup) {
        requireOpen();
        if (!backup.valid()) {
            throw new IllegalArgumentException("Backup " + backup.name() + " is not valid: " + backup.problem());
        }
        Path target = layout.cobalt().resolve("web").resolve(backup.sessionId());
        Optional<Path> moved = Files.exists(target)
                ? Optional.of(quarantine(List.of(target), "before-restore"))
                : Optional.empty();
        try {
            Path staging = target.resolveSibling(".restore-" + backup.sessionId());
            for (String name : backup.sizes().keySet()) {
                files.copy(backup.dir().resolve(name), staging.resolve(name));
            }
            DurableFiles.rename(staging, target);
            return moved;
        } catch (IOException e) {
            throw new UncheckedIOException("Restoring " + backup.name() + " failed", e);
        }
    }

    /** Moves Cobalt's whole folder to quarantine so that the next start pairs afresh; empty when there is none. */
    public Optional<Path> reset() {
        requireOpen();
        if (!Files.exists(layout.cobalt())) {
            return Optional.empty();
        }
        return Optional.of(quarantine(List.of(layout.cobalt()), "reset"));
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new IllegalStateException("the session lock of account '" + layout.name() + "' is not held");
        }
    }

    private void emit(SessionEvent event) {
        for (Consumer<SessionEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("A session listener failed on {}", event, e);
            }
        }
    }
}
