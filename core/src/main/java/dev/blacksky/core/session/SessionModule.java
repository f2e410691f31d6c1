package dev.blacksky.core.session;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.blacksky.core.connection.SessionQuarantine;
import dev.blacksky.core.config.HostPaths;
import java.time.Clock;

/**
 * Binds the account's {@link SessionService}, and makes it the connection supervisor's quarantine: a confirmed
 * logout or ban moves the session aside. Nothing is locked or read until {@link SessionService#open()}.
 */
public final class SessionModule extends AbstractModule {

    private final SessionSettings settings;

    public SessionModule(SessionSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), SessionQuarantine.class).setBinding().to(SessionServiceQuarantine.class);
    }

    /** What the supervisor calls on LOGGED_OUT or BANNED: every session folder of the account goes to quarantine. */
    static final class SessionServiceQuarantine implements SessionQuarantine {
        private final SessionService session;

        @jakarta.inject.Inject
        SessionServiceQuarantine(SessionService session) {
            this.session = session;
        }

        @Override
        public void quarantine(String account, String reason) {
            var dirs = session.sessionDirs();
            if (!dirs.isEmpty()) { // Cobalt's own delete may have gone through our serializer already
                session.quarantine(dirs, reason);
            }
        }
    }

    @Provides
    @Singleton
    SessionFlusher flusher(dev.blacksky.core.schedule.TimeSource time) {
        return new SessionFlusher(time, settings.flushEvery());
    }

    @Provides
    @Singleton
    SessionService session(HostPaths paths, Clock clock) {
        return new SessionService(AccountLayout.of(paths.data(), settings.account()), settings, new CobaltFileCheck(),
                clock);
    }
}
