package dev.blacksky.core.cluster;

import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.Backup;
import dev.blacksky.core.session.SessionEvent;
import dev.blacksky.core.session.SessionService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's session kept in the cluster database, so that the node taking over an account continues it
 * instead of pairing anew. Each checksummed backup the session layer takes is uploaded under the lease's epoch
 * (the newest one only, when they come faster than the database takes them); the node that acquires the account
 * puts the cluster's copy in place before it opens the session, moving its own aside to quarantine/.
 */
final class SessionReplica implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionReplica.class);
    static final String KEY = "session";
    private static final String MARKER = "cluster-session.sha256"; // the copy this node last uploaded or restored

    private final FencedStore store;
    private final AccountLayout layout;
    private final Lease lease;
    private final Consumer<String> onStale;
    private final AtomicReference<Backup> pending = new AtomicReference<>();
    private final ExecutorService uploader =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("cluster-session-upload").factory());

    SessionReplica(FencedStore store, AccountLayout layout, Lease lease, Consumer<String> onStale) {
        this.store = store;
        this.layout = layout;
        this.lease = lease;
        this.onStale = onStale;
    }

    /** Copies each backup of the open {@code session} to the cluster from now on, the newest one at once. */
    static SessionReplica attach(FencedStore store, SessionService session, Lease lease, Consumer<String> onStale) {
        SessionReplica replica = new SessionReplica(store, session.layout(), lease, onStale);
        session.addListener(replica::onEvent);
        session.backups().list().stream().filter(Backup::valid).max(java.util.Comparator.comparing(Backup::created))
                .ifPresent(replica::upload);
        return replica;
    }

    /** For {@code SessionService.addListener}: called on the session's writer thread, so it only hands over. */
    void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.BackedUp backedUp) {
            upload(backedUp.backup());
        }
    }

    void upload(Backup backup) {
        if (pending.getAndSet(backup) == null) {
            uploader.execute(this::uploadPending);
        }
    }

    private void uploadPending() {
        Backup backup = pending.getAndSet(null);
        if (backup == null) {
            return;
        }
        try {
            byte[] zip = zip(backup);
            store.put(lease, KEY, zip);
            Files.writeString(layout.root().resolve(MARKER), sha256(zip));
        } catch (StaleEpochException e) {
            log.warn("{}", e.getMessage());
            onStale.accept(e.getMessage());
        } catch (IOException | SQLException | RuntimeException e) {
            log.warn("Could not copy the session to the cluster database ({}); the next backup tries again", e.getMessage());
        }
    }

    /**
     * Before the session is opened: puts the cluster's copy in place unless it is the one this node last had.
     * Returns what was done, for the log.
     */
    static String restore(FencedStore store, AccountLayout layout, String account) throws SQLException, IOException {
        Optional<FencedStore.Stored> stored = store.get(account, KEY);
        if (stored.isEmpty()) {
            return "the cluster has no copy of the session yet; this node's own is used";
        }
        String hash = sha256(stored.get().value());
        Path marker = layout.root().resolve(MARKER);
        if (Files.exists(marker) && Files.readString(marker).strip().equals(hash)) {
            return "this node's session is the cluster's copy (epoch " + stored.get().epoch() + ")";
        }
        Path staging = layout.root().resolve(".cluster-restore");
        deleteStaging(staging);
        String sessionId = unzip(stored.get().value(), staging);
        Path target = layout.cobalt().resolve("web").resolve(sessionId);
        Files.createDirectories(target.getParent());
        String aside = "";
        if (Files.exists(target)) {
            Path moved = layout.quarantine().resolve(Instant.now().toString().replace(':', '-') + "-replaced-by-cluster-copy");
            Files.createDirectories(moved.getParent());
            Files.move(target, moved, StandardCopyOption.ATOMIC_MOVE);
            aside = "; this node's older one is in " + moved;
        }
        Files.move(staging.resolve(sessionId), target, StandardCopyOption.ATOMIC_MOVE);
        deleteStaging(staging);
        Files.writeString(marker, hash);
        return "the session was taken from the cluster (written under epoch " + stored.get().epoch() + ")" + aside;
    }

    private static byte[] zip(Backup backup) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : backup.sizes().keySet().stream().sorted().toList()) {
                zip.putNextEntry(new ZipEntry(backup.sessionId() + "/" + name));
                zip.write(Files.readAllBytes(backup.dir().resolve(name)));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    // Unpacks into staging/<sessionId>/; returns the session id. Entries are checked to stay inside staging.
    private static String unzip(byte[] bytes, Path staging) throws IOException {
        String sessionId = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path file = staging.resolve(entry.getName()).normalize();
                String[] parts = entry.getName().split("/");
                if (!file.startsWith(staging) || parts.length != 2 || (sessionId != null && !sessionId.equals(parts[0]))) {
                    throw new IOException("the cluster's copy of the session has an unexpected entry: " + entry.getName());
                }
                sessionId = parts[0];
                Files.createDirectories(file.getParent());
                Files.write(file, zip.readAllBytes());
            }
        }
        if (sessionId == null) {
            throw new IOException("the cluster's copy of the session is empty");
        }
        return sessionId;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the upload of the last backup (taken by the final flush) finish, for the next owner. */
    @Override
    public void close() {
        uploader.shutdown();
        try {
            if (!uploader.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                log.warn("The last copy of the session to the cluster did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Removes the staging folder this class made; never anything else.
    private static void deleteStaging(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
