package dev.blacksky.core.connection;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.blacksky.core.config.HostPaths;
import java.time.Clock;
import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.core.dispatch.Dispatcher;
import dev.blacksky.core.outbound.OutboundMessenger;
import org.slf4j.LoggerFactory;

/** Binds the connection service; a transport that needs supervising binds the client factory (an optional binding). */
public final class ConnectionModule extends AbstractModule {

    private final ConnectionSettings settings;

    public ConnectionModule(ConnectionSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(ConnectionSettings.class).toInstance(settings);
        OptionalBinder.newOptionalBinder(binder(), ConnectionClient.Factory.class);
        Multibinder.newSetBinder(binder(), StatusRecorder.class); // alerts and others add theirs
        OptionalBinder.newOptionalBinder(binder(), SessionQuarantine.class).setDefault().toInstance(
                // Until the session store exists there is nothing to move; say so loudly rather than pretend.
                (account, reason) -> LoggerFactory.getLogger(ConnectionModule.class).error(
                        "[{}] the session should be quarantined ({}), but no session store is installed", account,
                        reason));
    }

    @Provides
    @Singleton
    ConnectionHistory history(HostPaths paths, Clock clock) {
        return new ConnectionHistory(ConnectionHistory.of(paths.data(), settings.account()), settings.historyKeep(), clock);
    }

    // Plugins hear every change; the outbound queue holds sends while the link is down and ramps up after.
    @Provides
    StatePublisher publisher(Dispatcher dispatcher, OutboundMessenger outbound) {
        return event -> {
            if (event.current() == ConnectionState.CONNECTED) {
                outbound.connected();
            } else if (event.previous() == ConnectionState.CONNECTED) {
                outbound.disconnected();
            }
            dispatcher.publish(event);
        };
    }
}
