package dev.blacksky.core.session;

import java.util.List;

/** Decides whether a session file's bytes can be loaded; Cobalt's decoders in production, a checksum in tests. */
public interface SessionFileCheck {

    /** The files a loadable session must have; one missing while another is present is corruption. */
    List<String> requiredFiles();

    /** Throws (anything) when {@code bytes} cannot be loaded as {@code fileName}. */
    void check(String fileName, byte[] bytes) throws Exception;

    /** Whether these files are a pairing that never completed: nothing to protect, not a damaged session. */
    default boolean unpaired(java.util.Map<String, byte[]> contents) {
        return false;
    }

    /** Null when the file is loadable, else what is wrong with it. */
    default String problem(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            return fileName + " is empty (0 bytes)";
        }
        try {
            check(fileName, bytes);
            return null;
        } catch (Exception | LinkageError | AssertionError e) {
            return fileName + " does not decode (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
    }
}
