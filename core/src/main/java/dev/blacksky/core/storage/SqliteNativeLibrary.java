package dev.blacksky.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps SQLite's native library in the data folder: the driver's copies in the temp folder pile up in a crash loop. */
final class SqliteNativeLibrary {

    private static final Logger log = LoggerFactory.getLogger(SqliteNativeLibrary.class);

    private SqliteNativeLibrary() {
    }

    /** Points the driver at the data folder's copy, making it first if need be; on any failure the driver's default stays. */
    static synchronized void useCopyIn(Path dataFolder) {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return; // chosen already: by an earlier start in this process, or by whoever runs it
        }
        try {
            String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/"
                    + org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
            Path folder = dataFolder.resolve("native").resolve("sqlite-" + org.sqlite.SQLiteJDBCLoader.getVersion()
                    + "-" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS().replace('/', '-'));
            Path library = folder.resolve(org.sqlite.util.LibraryLoaderUtil.getNativeLibName());
            if (!Files.isRegularFile(library)) {
                try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        return; // no library for this platform in the driver: let it look elsewhere
                    }
                    DurableFiles.replace(library, in.readAllBytes());
                }
            }
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", library.getFileName().toString());
        } catch (IOException | RuntimeException | LinkageError e) {
            log.debug("Keeping SQLite's native library in the system temp folder: {}", e.toString());
        }
    }
}
