package dev.blacksky.core.cli;

import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** SIGTERM and SIGINT stop the bot cleanly and exit 0, as a service manager expects, instead of exiting 143. */
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
