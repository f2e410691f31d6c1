package dev.blacksky.core.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive OS lock on an account, held for the process's life; never reopened here, since closing any
 * descriptor of a file drops the process's POSIX locks on it.
 */
public final class AccountLock implements AutoCloseable {

    private static final Map<Path, LockOwner> heldHere = new ConcurrentHashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final LockOwner owner;

    private AccountLock(Path key, FileChannel channel, FileLock lock, LockOwner owner) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.owner = owner;
    }

    /** Takes the lock or throws {@link SessionLockedException} naming the holder; never waits. */
    public static AccountLock acquire(AccountLayout account, Instant now) {
        Path file = account.lockFile();
        Path key = file.toAbsolutePath().normalize();
        LockOwner owner = LockOwner.current(now);
        if (heldHere.putIfAbsent(key, owner) != null) {
            throw new SessionLockedException(account.name(), file, readOwner(file));
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(account.root());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                heldHere.remove(key);
                throw new SessionLockedException(account.name(), file, readOwner(file));
            }
            // Overwrite in place through the locked channel: the file itself is never replaced or removed.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(owner.format().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new AccountLock(key, channel, lock, owner);
        } catch (IOException e) {
            closeQuietly(channel);
            heldHere.remove(key);
            throw new UncheckedIOException("Cannot lock the session of account '" + account.name() + "' (" + file
                    + "). The data folder must be on a local, writable disk.", e);
        }
    }

    /** Whether some process holds the lock right now, probed without keeping it. */
    public static boolean isHeld(AccountLayout account) {
        if (heldHere.containsKey(account.lockFile().toAbsolutePath().normalize())) {
            return true;
        }
        if (!Files.exists(account.lockFile())) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(account.lockFile(), StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException sameJvm) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid, host and start time last written into the lock file, if any. */
    public static Optional<LockOwner> readOwner(Path lockFile) {
        LockOwner here = heldHere.get(lockFile.toAbsolutePath().normalize());
        if (here != null) {
            return Optional.of(here); // never reopen a file this process holds a lock on
        }
        try {
            return LockOwner.parse(Files.readString(lockFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public LockOwner owner() {
        return owner;
    }

    /** Releases the OS lock; the file stays, with the last owner's details, for {@code session status}. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel below releases it anyway
        }
        closeQuietly(channel);
        heldHere.remove(key);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do: the OS releases the lock with the descriptor
            }
        }
    }
}
