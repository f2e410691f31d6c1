package dev.blacksky.core.cli;

import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT ask the bot to stop instead of starting the JVM's shutdown: the main thread then stops
 * intake, drains, flushes, releases the session lock and exits 0, as a service manager expects. Without a
 * handler the JVM would exit 143 from inside its shutdown hooks.
 */
final class StopSignals {

    private StopSignals() {
    }

    static void install(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    LoggerFactory.getLogger(StopSignals.class).info("SIG{} received; stopping", name);
                    stop.run();
                });
            } catch (IllegalArgumentException unsupported) {
                // this platform has no such signal: the shutdown hook still stops the bot
            }
        }
    }
}
