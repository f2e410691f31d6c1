package dev.blacksky.core.cli;

import picocli.CommandLine;

/** The process entry point used by bin/blacksky. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        OutOfMemoryExit.install();
        System.exit(execute(args));
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
