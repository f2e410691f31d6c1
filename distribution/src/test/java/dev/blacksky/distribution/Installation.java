package dev.blacksky.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** A private copy of the packaged installation, for tests that run it with its own data/ and logs/ folders. */
final class Installation {

    private Installation() {
    }

    /**
     * Copies {@code dist} to {@code target}, keeping permissions so bin/blacksky stays executable, but not the
     * data/ and logs/ a user's own run of the installation left there.
     */
    static Path copy(Path dist, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(dist)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path relative = dist.relativize(source);
                if (relative.startsWith("data") || relative.startsWith("logs")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }
}
