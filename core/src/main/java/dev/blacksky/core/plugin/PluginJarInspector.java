package dev.blacksky.core.plugin;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Checks a JAR before PF4J sees it, so every refusal comes with a reason and a fix. */
final class PluginJarInspector {

    private static final String API_PATH = ApiOnlyClassLoader.API_PACKAGE.replace('.', '/');

    private PluginJarInspector() {
    }

    /** Returns why the JAR cannot be a plugin, or empty if it may be loaded. */
    static Optional<String> problemWith(Path jar) {
        try {
            if (Files.size(jar) == 0) {
                return Optional.of("it is empty (0 bytes); copy the plugin JAR again");
            }
        } catch (IOException e) {
            return Optional.of("it cannot be read (" + e.getMessage() + ")");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (!hasDescriptor(zip)) {
                return Optional.of("it has no plugin descriptor (neither a Plugin-Id entry in META-INF/MANIFEST.MF"
                        + " nor a plugin.properties); build it with the Blacksky plugin parent pom");
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".class")) {
                    continue;
                }
                if (name.startsWith(API_PATH)) {
                    return Optional.of("it bundles blacksky-api classes (" + name + "); declare blacksky-api with"
                            + " <scope>provided</scope> so that the host's copy is used");
                }
                Optional<String> exit = exitCall(zip, entry);
                if (exit.isPresent()) {
                    return exit;
                }
            }
            return Optional.empty();
        } catch (ZipException e) {
            return Optional.of("it is not a readable JAR, probably corrupt or truncated (" + e.getMessage()
                    + "); rebuild it or copy it again");
        } catch (IOException e) {
            return Optional.of("it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> exitCall(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return ExitCalls.in(in).map(call -> "it calls " + call + ", which would stop the whole bot; remove the call"
                    + " (to refuse a user, throw CommandException; to stop the plugin, let an owner disable it)");
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.of("its class " + entry.getName() + " cannot be read (" + e.getMessage() + "); build it for"
                    + " Java 21 or newer, up to the Java this bot runs on");
        }
    }

    /** Every *.jar in the folder with its SHA-256, in file-name order: what reconciling compares. */
    static java.util.Map<Path, String> checksums(Path folder) {
        java.util.Map<Path, String> sums = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).toList()) {
                sums.put(jar, checksum(jar));
            }
        } catch (IOException e) {
            // the folder vanished or is unreadable: nothing is present
        }
        return sums;
    }

    static String checksum(Path jar) {
        try {
            return MoreFiles.asByteSource(jar).hash(Hashing.sha256()).toString();
        } catch (IOException e) {
            return "unreadable:" + e.getMessage();
        }
    }

    static boolean hasExtensionIndex(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry("META-INF/extensions.idx") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasDescriptor(ZipFile zip) throws IOException {
        if (zip.getEntry("plugin.properties") != null) {
            return true;
        }
        ZipEntry manifestEntry = zip.getEntry("META-INF/MANIFEST.MF");
        if (manifestEntry == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(manifestEntry)) {
            String id = new Manifest(in).getMainAttributes().getValue("Plugin-Id");
            return id != null && !id.isBlank();
        }
    }
}
