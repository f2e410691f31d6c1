package dev.blacksky.core.storage;


import java.nio.file.Path;

/** Child of the disk-full test, run under {@code ulimit -f}: tries one large write and reports the outcome. */
public final class DiskFullWriterMain {

    public static void main(String[] args) throws Exception {
        try {
            new DurableFiles(0).write(Path.of(args[0]), new byte[Integer.parseInt(args[1])]);
            System.out.println("written");
        } catch (WriteRefusedException e) {
            System.out.println("refused " + e.getMessage());
        }
    }
}
