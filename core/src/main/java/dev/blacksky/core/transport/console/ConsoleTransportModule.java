package dev.blacksky.core.transport.console;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.transport.Transport;
import java.time.Clock;

/**
 * Binds the console transport on the process's stdin and stdout; with {@code sharedAs} set, as that account on
 * a console several accounts share.
 */
public final class ConsoleTransportModule extends AbstractModule {

    private final ConsoleSettings settings;
    private final String sharedAs;

    public ConsoleTransportModule(ConsoleSettings settings) {
        this(settings, null);
    }

    public ConsoleTransportModule(ConsoleSettings settings, String sharedAs) {
        this.settings = settings;
        this.sharedAs = sharedAs;
    }

    @Provides
    @Singleton
    Transport transport(Clock clock, HostPaths paths, com.google.inject.Injector injector) {
        if (sharedAs != null) {
            return ConsoleTransport.shared(injector.getInstance(ConsoleSwitchboard.class), sharedAs, settings, clock,
                    paths.data().resolve("console").resolve(sharedAs).resolve("sent"));
        }
        return ConsoleTransport.forProcess(settings, clock, paths.data().resolve("console").resolve("sent"));
    }
}
