package dev.blacksky.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash-safe writes and disk-full behaviour. A full disk is simulated two ways without root: the free-space
 * floor (as if the disk had less than blacksky.session.min-free-space left), and a real kernel refusal by
 * running the writer under {@code ulimit -f} (RLIMIT_FSIZE: the write fails with EFBIG, as ENOSPC would).
 */
class DurableFilesTest {

    @TempDir
    Path dir;

    @Test
    void a_write_replaces_the_file_and_leaves_no_temp_file() throws Exception {
        Path target = dir.resolve("keys.proto");
        new DurableFiles(0).write(target, "one".getBytes(StandardCharsets.UTF_8));
        new DurableFiles(0).write(target, "two".getBytes(StandardCharsets.UTF_8));
        assertThat(target).hasContent("two");
        assertThat(names()).containsExactly("keys.proto");
    }

    @Test
    void written_files_are_readable_by_the_owner_only_whatever_the_umask() throws Exception {
        Path target = dir.resolve("keys.proto");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        new DurableFiles(0).write(target, "private keys".getBytes(StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-------");
    }

    @Test
    void below_the_free_space_floor_the_write_is_refused_and_the_old_file_kept() throws Exception {
        Path target = dir.resolve("keys.proto");
        Files.writeString(target, "old");
        DurableFiles nearlyFull = new DurableFiles(Long.MAX_VALUE / 2);
        assertThatThrownBy(() -> nearlyFull.write(target, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WriteRefusedException.class)
                .hasMessageContaining("below the floor").hasMessageContaining("previous version is kept intact");
        assertThat(target).hasContent("old");
        assertThat(names()).containsExactly("keys.proto");
    }

    @Test
    void a_write_the_kernel_refuses_keeps_the_old_file_intact() throws Exception {
        Path target = dir.resolve("store.proto");
        byte[] old = new byte[1000];
        Files.write(target, old);
        String classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(p -> p.endsWith("classes")).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // 512 blocks of 512 bytes: 256 KiB is all this child may write to any one file.
        Process child = new ProcessBuilder("sh", "-c", "ulimit -f 512 && exec \"$0\" -cp \"$1\" "
                + DiskFullWriterMain.class.getName() + " \"$2\" 1048576", java, classPath, target.toString())
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).as(output).startsWith("refused").contains("the disk is full");
        assertThat(target).hasBinaryContent(old);
        assertThat(names()).containsExactly("store.proto");
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
