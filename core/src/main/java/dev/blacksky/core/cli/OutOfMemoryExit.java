package dev.blacksky.core.cli;

import dev.blacksky.core.dispatch.PluginCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uncaught errors: out of memory logs the running plugin call, tells stderr and exits 5 at once, since any
 * thread may have failed half-way; a service manager restarts the bot and the journal bounds retries.
 */
final class OutOfMemoryExit implements Thread.UncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(OutOfMemoryExit.class);
    private static volatile byte[] reserve; // given up first, so that reporting has memory to work with

    private OutOfMemoryExit() {
    }

    static void install() {
        reserve = new byte[1 << 20];
        Thread.setDefaultUncaughtExceptionHandler(new OutOfMemoryExit());
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (!(error instanceof OutOfMemoryError)) {
            log.error("Unexpected error in thread {}", thread.getName(), error);
            return;
        }
        reserve = null;
        try {
            String during = error.getMessage() != null && error.getMessage().startsWith("during ") ? error.getMessage()
                    : "in thread " + thread.getName() + " (" + error.getMessage() + "); the last plugin call started was the "
                            + PluginCalls.lastStarted();
            log.error("Out of memory {}. Stopping at once with exit code {}; raise the heap with BLACKSKY_JAVA_OPTS=-Xmx..."
                    + " if the bot itself needs more", during, ExitCodes.OUT_OF_MEMORY);
            System.err.println("blacksky: out of memory " + during + "; exiting with code " + ExitCodes.OUT_OF_MEMORY);
        } finally {
            Runtime.getRuntime().halt(ExitCodes.OUT_OF_MEMORY);
        }
    }
}
