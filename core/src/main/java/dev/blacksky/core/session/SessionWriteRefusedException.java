package dev.blacksky.core.session;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A session write was refused (disk full, or below the free-space floor) and the previous file is intact:
 * the DEGRADED signal. Reported to {@link SessionListener}s as {@link SessionEvent.WritesRefused} as well.
 */
public final class SessionWriteRefusedException extends IOException {

    private final transient Path target;

    SessionWriteRefusedException(Path target, String reason, Throwable cause) {
        super("Refused to write " + target + ": " + reason + ". The previous version is kept intact;"
                + " free some disk space (writes resume by themselves).", cause);
        this.target = target;
    }

    public Path target() {
        return target;
    }
}
