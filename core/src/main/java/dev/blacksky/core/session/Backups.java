package dev.blacksky.core.session;

import dev.blacksky.core.storage.DurableFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Rotating, checksummed snapshots of session folders, each assembled hidden and renamed into place. */
public final class Backups {

    static final String MANIFEST = "MANIFEST";
    private static final String HEADER = "blacksky-session-backup 1";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path root;
    private final DurableFiles files;
    private final SessionFileCheck check;
    private final int keep;

    public Backups(Path root, DurableFiles files, SessionFileCheck check, int keep) {
        this.root = root;
        this.files = files;
        this.check = check;
        this.keep = keep;
    }

    /** Snapshots the loadable files of {@code sessionDir}; skips a folder that does not validate. */
    public Optional<Backup> snapshot(Path sessionDir, Instant now) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Path file : sessionFiles(sessionDir)) {
            contents.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
        String problem = problem(contents);
        if (problem != null) {
            return Optional.empty();
        }
        if (unchanged(sessionDir.getFileName().toString(), contents)) {
            return Optional.empty(); // Cobalt rewrites every 20 s; an identical copy adds nothing and rotates a real one out
        }
        Files.createDirectories(root);
        long sequence = list().stream().mapToLong(Backup::sequence).max().orElse(0) + 1;
        String name = "%06d-%s".formatted(sequence, stamp(now));
        Path partial = root.resolve(".partial-" + name);
        StringBuilder manifest = new StringBuilder(HEADER).append('\n')
                .append("session=").append(sessionDir.getFileName()).append('\n')
                .append("created=").append(now).append('\n');
        for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
            files.write(partial.resolve(entry.getKey()), entry.getValue());
            manifest.append("file=").append(sha256(entry.getValue())).append(' ').append(entry.getValue().length)
                    .append(' ').append(entry.getKey()).append('\n');
        }
        files.write(partial.resolve(MANIFEST), manifest.toString().getBytes(StandardCharsets.UTF_8));
        DurableFiles.rename(partial, root.resolve(name));
        prune();
        return Optional.of(read(root.resolve(name)));
    }

    private boolean unchanged(String sessionId, Map<String, byte[]> contents) {
        Optional<Backup> newest = newestValid(sessionId);
        if (newest.isEmpty() || !newest.get().sizes().keySet().equals(contents.keySet())) {
            return false;
        }
        try {
            for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
                if (!java.util.Arrays.equals(Files.readAllBytes(newest.get().dir().resolve(entry.getKey())), entry.getValue())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every backup, newest first, each validated. */
    public List<Backup> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
                    .map(this::read).sorted(Comparator.comparingLong(Backup::sequence).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Backup> find(String name) {
        return list().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The newest backup of {@code sessionId} that validates. */
    public Optional<Backup> newestValid(String sessionId) {
        return list().stream().filter(b -> sessionId.equals(b.sessionId())).filter(Backup::valid).findFirst();
    }

    /** Rotation, the one place that deletes under the account: old backups and hidden leftovers, never the session. */
    void prune() throws IOException {
        List<Backup> all = list();
        int validSeen = 0;
        long oldestKept = Long.MAX_VALUE;
        for (Backup backup : all) {
            if (validSeen < keep) {
                oldestKept = backup.sequence();
                validSeen += backup.valid() ? 1 : 0;
            }
        }
        if (validSeen < keep) {
            return; // fewer valid copies than wanted: keep everything, including invalid ones for diagnosis
        }
        for (Backup backup : all) {
            if (backup.sequence() < oldestKept) {
                deleteBackupCopy(backup.dir());
            }
        }
        try (Stream<Path> leftovers = Files.list(root)) {
            for (Path leftover : leftovers.filter(p -> p.getFileName().toString().startsWith(".partial-")
                    || p.getFileName().toString().startsWith(".pruned-")).toList()) {
                deleteBackupCopy(leftover);
            }
        }
    }

    // First renamed to a hidden name, atomically, so a crash half-way through the deletion leaves a hidden
    // leftover (removed next time) rather than a visible backup with files missing.
    private void deleteBackupCopy(Path dir) throws IOException {
        Path doomed = dir;
        if (!dir.getFileName().toString().startsWith(".")) {
            doomed = root.resolve(".pruned-" + dir.getFileName());
            DurableFiles.rename(dir, doomed);
        }
        try (Stream<Path> contents = Files.list(doomed)) {
            for (Path file : contents.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(doomed);
    }

    Backup read(Path dir) {
        String name = dir.getFileName().toString();
        long sequence = parseSequence(name);
        Path manifestFile = dir.resolve(MANIFEST);
        try {
            if (!Files.isRegularFile(manifestFile)) {
                return new Backup(name, dir, sequence, null, null, Map.of(), "no MANIFEST (incomplete backup)");
            }
            List<String> lines = Files.readAllLines(manifestFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
                return new Backup(name, dir, sequence, null, null, Map.of(), "MANIFEST is not a backup manifest");
            }
            String session = null;
            Instant created = null;
            Map<String, Long> sizes = new LinkedHashMap<>();
            Map<String, byte[]> contents = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.startsWith("session=")) {
                    session = line.substring(8);
                } else if (line.startsWith("created=")) {
                    created = Instant.parse(line.substring(8));
                } else if (line.startsWith("file=")) {
                    String[] parts = line.substring(5).split(" ", 3);
                    Path file = dir.resolve(parts[2]);
                    long size = Long.parseLong(parts[1]);
                    sizes.put(parts[2], size);
                    if (!Files.isRegularFile(file)) {
                        problems.add(parts[2] + " is missing");
                        continue;
                    }
                    byte[] bytes = Files.readAllBytes(file);
                    if (bytes.length != size || !sha256(bytes).equals(parts[0])) {
                        problems.add(parts[2] + " does not match its checksum");
                    } else {
                        contents.put(parts[2], bytes);
                    }
                }
            }
            if (problems.isEmpty()) {
                String problem = problem(contents);
                if (problem != null) {
                    problems.add(problem);
                }
            }
            return new Backup(name, dir, sequence, session, created, Map.copyOf(sizes),
                    problems.isEmpty() ? null : String.join("; ", problems));
        } catch (IOException | RuntimeException e) {
            return new Backup(name, dir, sequence, null, null, Map.of(), "unreadable: " + e.getMessage());
        }
    }

    /** Null when every required file is present and every present file decodes. */
    String problem(Map<String, byte[]> contents) {
        for (String required : check.requiredFiles()) {
            if (!contents.containsKey(required)) {
                return required + " is missing";
            }
        }
        for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
            if (check.requiredFiles().contains(entry.getKey())) {
                String problem = check.problem(entry.getKey(), entry.getValue());
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /** The regular, visible files of a session folder (not our .corrupt-* or temp files). */
    static List<Path> sessionFiles(Path sessionDir) throws IOException {
        if (!Files.isDirectory(sessionDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(sessionDir)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return !n.startsWith(".") && !n.contains(".corrupt-") && !n.contains(".replaced-");
            }).sorted().toList();
        }
    }

    private static long parseSequence(String name) {
        int dash = name.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? name : name.substring(0, dash));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A file-name-safe UTC time, sortable as text: 20261126T223800.123Z. */
    static String stamp(Instant time) {
        return STAMP.format(time);
    }

    static String sha256(byte[] bytes) { // the JDK's, not Guava's: the torture test runs this in a bare JVM
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
