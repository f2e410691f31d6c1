package dev.blacksky.core.cli;

import dev.blacksky.core.session.AccountLock;
import dev.blacksky.core.session.Backup;
import dev.blacksky.core.session.CobaltFileCheck;
import dev.blacksky.core.session.SessionService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What {@code session status} prints: owner and lock, state, files with sizes and times, backups, quarantine. */
final class SessionReport {

    private final SessionService service;

    SessionReport(SessionService service) {
        this.service = service;
    }

    void print(PrintWriter out) {
        var layout = service.layout();
        out.println("Account:    " + layout.name() + " (" + layout.root() + ")");
        boolean held = AccountLock.isHeld(layout);
        var owner = AccountLock.readOwner(layout.lockFile());
        out.println("Lock:       " + (held ? "held by " + owner.map(Object::toString).orElse("another process")
                : "free" + owner.map(o -> " (last held by " + o + ")").orElse("")));
        List<Path> sessions = service.sessionDirs();
        if (sessions.isEmpty()) {
            out.println("State:      NOT_PAIRED (no session files; the next run pairs with a QR code)");
        }
        for (Path dir : sessions) {
            out.println("Session:    " + dir.getFileName() + " (" + dir + ")");
            out.println("State:      " + (held ? "in use by the running bot (not checked)" : state(dir)));
            listFiles(dir, out);
        }
        printBackups(service.backups().list(), out);
        try (Stream<Path> quarantined = Files.isDirectory(layout.quarantine()) ? Files.list(layout.quarantine()) : Stream.empty()) {
            List<Path> entries = quarantined.sorted().toList();
            out.println("Quarantine: " + (entries.isEmpty() ? "empty" : entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies")));
            entries.forEach(p -> out.println("  " + p.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Read-only: a status must not repair anything, so it only reports what a start would find.
    private String state(Path dir) {
        try (Stream<Path> listing = Files.list(dir)) {
            List<Path> files = listing.filter(Files::isRegularFile).toList();
            var check = new CobaltFileCheck();
            for (String required : check.requiredFiles()) {
                Path file = dir.resolve(required);
                if (!Files.exists(file)) {
                    return "DAMAGED (" + required + " is missing; the next start restores a backup)";
                }
                String problem = check.problem(required, Files.readAllBytes(file));
                if (problem != null) {
                    return "DAMAGED (" + problem + "; the next start restores a backup)";
                }
            }
            return files.isEmpty() ? "EMPTY" : "OK";
        } catch (IOException e) {
            return "UNREADABLE (" + e.getMessage() + ")";
        }
    }

    private static void listFiles(Path dir, PrintWriter out) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                out.printf("  %-28s %10d bytes  written %s%n", file.getFileName(), Files.size(file),
                        Files.getLastModifiedTime(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void printBackups(List<Backup> backups, PrintWriter out) {
        out.println("Backups:    " + (backups.isEmpty() ? "none" : backups.size()));
        for (Backup b : backups) {
            out.printf("  %-32s session %s  %s  %s%n", b.name(), b.sessionId(), b.created(),
                    b.valid() ? "valid" : "INVALID: " + b.problem());
        }
    }

}
