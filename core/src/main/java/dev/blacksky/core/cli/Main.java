package dev.blacksky.core.cli;

import picocli.CommandLine;

/** The process entry point used by bin/blacksky. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        checkLogFolder();
        OutOfMemoryExit.install();
        System.exit(execute(args));
    }

    // Before anything logs: a log folder the bot cannot write is worth one line on stderr, not a flood.
    private static void checkLogFolder() {
        String logs = System.getProperty("blacksky.logs");
        if (logs == null) {
            return;
        }
        java.nio.file.Path folder = java.nio.file.Path.of(logs);
        try {
            java.nio.file.Files.createDirectories(folder);
            if (java.nio.file.Files.isWritable(folder)) {
                return;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // reported below
        }
        System.err.println("blacksky: cannot write the log folder " + folder + "; warnings still go to stderr."
                + " Set BLACKSKY_LOGS to a writable folder.");
    }

    /** Runs the CLI and returns the exit code, without exiting; tests call this. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new BlackskyCli());
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            commandLine.getErr().println("blacksky: " + error.getMessage());
            org.slf4j.LoggerFactory.getLogger(Main.class).error("Fatal error", error);
            return ExitCodes.FAILURE;
        });
        return cli.execute(args);
    }
}
