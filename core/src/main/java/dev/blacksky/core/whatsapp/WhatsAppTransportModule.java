package dev.blacksky.core.whatsapp;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.typesafe.config.Config;
import dev.blacksky.core.connection.ConnectionClient;
import dev.blacksky.core.connection.PairingCodes;
import dev.blacksky.core.session.SessionFlusher;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.transport.Transport;
import java.time.Clock;

/** Binds the WhatsApp transport as both the host's transport and the supervisor's client factory. */
public final class WhatsAppTransportModule extends AbstractModule {

    private final WhatsAppSettings settings;

    public WhatsAppTransportModule(WhatsAppSettings settings) {
        this.settings = settings;
    }

    /** Reads {@code blacksky.whatsapp}. */
    public static WhatsAppTransportModule from(Config config) {
        return new WhatsAppTransportModule(WhatsAppSettings.from(config));
    }

    @Override
    protected void configure() {
        bind(Transport.class).to(WhatsAppTransport.class);
        OptionalBinder.newOptionalBinder(binder(), ConnectionClient.Factory.class).setBinding().to(WhatsAppTransport.class);
    }

    @Provides
    @Singleton
    WhatsAppTransport transport(SessionService session, SessionFlusher flusher, Clock clock, PairingCodes codes) {
        return new WhatsAppTransport(session, flusher, settings, clock, codes);
    }
}
