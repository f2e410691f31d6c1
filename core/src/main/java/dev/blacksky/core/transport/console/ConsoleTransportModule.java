package dev.blacksky.core.transport.console;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.transport.Transport;
import java.time.Clock;

/** Binds the console transport on the process's stdin and stdout. */
public final class ConsoleTransportModule extends AbstractModule {

    private final ConsoleSettings settings;

    public ConsoleTransportModule(ConsoleSettings settings) {
        this.settings = settings;
    }

    @Provides
    @Singleton
    Transport transport(Clock clock, HostPaths paths) {
        return ConsoleTransport.forProcess(settings, clock, paths.data().resolve("console").resolve("sent"));
    }
}
