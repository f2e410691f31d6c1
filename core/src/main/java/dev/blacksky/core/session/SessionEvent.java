package dev.blacksky.core.session;

import java.nio.file.Path;
import java.util.List;

/** What the session layer reports besides its log lines (see {@link SessionService#addListener}). */
public sealed interface SessionEvent {

    /** DEGRADED: a write was refused and the old files are kept; writes retry on the next flush. */
    record WritesRefused(Path target, String reason) implements SessionEvent {
    }

    /** Writes succeed again after a {@link WritesRefused}. */
    record WritesResumed() implements SessionEvent {
    }

    /** A damaged session was replaced by a backup; the damaged files were kept beside it as .corrupt-*. */
    record RestoredFromBackup(String backup, List<Path> keptCorrupt) implements SessionEvent {
    }

    /** SESSION_CORRUPT: the session is damaged and no backup is valid; nothing was replaced. */
    record Corrupt(String detail) implements SessionEvent {
    }

    /** A checksummed snapshot of the session was taken after a write that changed it. */
    record BackedUp(Backup backup) implements SessionEvent {
    }

    /** The session was moved aside (logout, ban, reset, restore) instead of being deleted. */
    record Quarantined(Path movedTo, String reason) implements SessionEvent {
    }
}
