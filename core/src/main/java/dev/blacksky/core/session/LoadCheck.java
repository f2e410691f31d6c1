package dev.blacksky.core.session;

import java.util.List;
import java.nio.file.Path;

/** What validating a session folder before load found; corruption with no valid backup is an exception. */
public sealed interface LoadCheck {

    /** Every required file is present and decodes. */
    record Intact() implements LoadCheck {
    }

    /** No session files at all: nothing to load, and pairing is an explicit step. */
    record Absent() implements LoadCheck {
    }

    /** The folder was damaged and now holds the files of {@code backup}; the damaged ones were kept. */
    record Restored(String backup, List<Path> keptFiles) implements LoadCheck {
    }
}
