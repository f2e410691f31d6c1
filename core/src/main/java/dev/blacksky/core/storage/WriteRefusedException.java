package dev.blacksky.core.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A durable write was refused (disk full, or below the free-space floor) and the previous file is intact:
 * for the session, the DEGRADED signal (reported to its listeners as a WritesRefused event as well).
 */
public final class WriteRefusedException extends IOException {

    private final transient Path target;

    WriteRefusedException(Path target, String reason, Throwable cause) {
        super("Refused to write " + target + ": " + reason + ". The previous version is kept intact;"
                + " free some disk space (writes resume by themselves).", cause);
        this.target = target;
    }

    public Path target() {
        return target;
    }
}
