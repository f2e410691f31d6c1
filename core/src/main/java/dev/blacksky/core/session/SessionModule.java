package dev.blacksky.core.session;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.blacksky.core.config.HostPaths;
import java.time.Clock;

/** Binds the account's {@link SessionService}; nothing is locked or read until {@link SessionService#open()}. */
public final class SessionModule extends AbstractModule {

    private final SessionSettings settings;

    public SessionModule(SessionSettings settings) {
        this.settings = settings;
    }

    @Provides
    @Singleton
    SessionService session(HostPaths paths, Clock clock) {
        return new SessionService(AccountLayout.of(paths.data(), settings.account()), settings, new CobaltFileCheck(),
                clock);
    }
}
