package dev.blacksky.core.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe replacement (temp file, fsync, atomic rename, fsync the folder): old bytes or new, never a mix.
 * Free of dependencies: the torture test runs it in a bare JVM.
 */
public final class DurableFiles {

    private static final Set<StandardOpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final long minFreeBytes;

    public DurableFiles(long minFreeBytes) {
        this.minFreeBytes = minFreeBytes;
    }

    /** Replaces {@code target} with {@code bytes}, readable by the bot's user only, with no free-space floor. */
    public static void replace(Path target, byte[] bytes) throws IOException {
        new DurableFiles(0).write(target, bytes);
    }

    /** Replaces {@code target} with {@code bytes}; on a full disk throws and leaves the old file untouched. */
    public void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String noRoom = roomProblem(dir, bytes.length);
        if (noRoom != null) {
            throw new WriteRefusedException(target, noRoom, null);
        }
        Path temp = dir.resolve("." + target.getFileName() + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (FileChannel channel = FileChannel.open(temp, CREATE, ownerOnly(dir))) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, target);
            syncDirectory(dir);
        } catch (IOException e) {
            // Only our own half-written temp file goes; the target was never opened for writing.
            Files.deleteIfExists(temp);
            if (isOutOfSpace(e)) {
                throw new WriteRefusedException(target, "the disk is full", e);
            }
            throw e;
        }
    }

    // Session files hold the device's private keys (and the others the bot's state): readable by its user only.
    private static FileAttribute<?>[] ownerOnly(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Null when {@code dir}'s disk keeps the free-space floor after {@code bytes} more, else why not. */
    public String roomProblem(Path dir, long bytes) throws IOException {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        long usable = Files.getFileStore(existing).getUsableSpace();
        return usable - bytes < minFreeBytes
                ? "only " + usable + " bytes free, below the floor of " + minFreeBytes + " (blacksky.session.min-free-space)"
                : null;
    }

    /** Copies {@code source} to {@code target} through {@link #write}. */
    public void copy(Path source, Path target) throws IOException {
        write(target, Files.readAllBytes(source));
    }

    /** Renames atomically (same file system), then makes the rename durable. */
    public static void rename(Path source, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        move(source, target);
        syncDirectory(target.toAbsolutePath().getParent());
        syncDirectory(source.toAbsolutePath().getParent());
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + target + " cannot rename atomically; keep the data"
                    + " folder on a local disk", e);
        }
    }

    /** fsync on a directory makes a rename in it durable; some platforms cannot open one, which is fine there. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    private static boolean isOutOfSpace(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        // ENOSPC, EDQUOT, and EFBIG (a file-size limit): each means "no room", none is worth retrying at once.
        return (e instanceof FileSystemException || e.getClass() == IOException.class)
                && (message.contains("No space left") || message.contains("Disk quota exceeded")
                        || message.contains("File too large"));
    }
}
