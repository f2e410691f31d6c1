package dev.blacksky.core.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a test main in a child JVM with this JVM's java and class path (or a smaller one). */
final class ChildJvm {

    private ChildJvm() {
    }

    static Process start(String classPath, Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Process start(Class<?> main, String... args) {
        return start(System.getProperty("java.class.path"), main, args);
    }
}
