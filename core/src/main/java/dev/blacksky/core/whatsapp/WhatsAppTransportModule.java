package dev.blacksky.core.whatsapp;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.blacksky.core.connection.ConnectionClient;
import dev.blacksky.core.session.SessionFlusher;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.transport.Transport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Binds the WhatsApp transport as both the host's transport and the supervisor's client factory. */
public final class WhatsAppTransportModule extends AbstractModule {

    private final Optional<URI> proxy;
    private final Duration ackTimeout;
    private final Duration groupAdminsTtl;

    public WhatsAppTransportModule(Optional<URI> proxy, Duration ackTimeout, Duration groupAdminsTtl) {
        this.proxy = proxy;
        this.ackTimeout = ackTimeout;
        this.groupAdminsTtl = groupAdminsTtl;
    }

    /** Reads {@code blacksky.whatsapp.proxy}: empty, or an http(s) URI. */
    public static WhatsAppTransportModule from(Config config) {
        Duration ackTimeout = positive(config, "blacksky.whatsapp.send-ack-timeout");
        Duration groupAdminsTtl = positive(config, "blacksky.whatsapp.group-admins-ttl");
        String value = config.getString("blacksky.whatsapp.proxy").strip();
        if (value.isEmpty()) {
            return new WhatsAppTransportModule(Optional.empty(), ackTimeout, groupAdminsTtl);
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            // The value is not echoed: it may hold proxy credentials.
            throw new ConfigException.BadValue(config.getValue("blacksky.whatsapp.proxy").origin(), "blacksky.whatsapp.proxy",
                    "must be empty or an http:// or https:// proxy URI such as http://host:3128");
        }
        return new WhatsAppTransportModule(Optional.of(uri), ackTimeout, groupAdminsTtl);
    }

    private static Duration positive(Config config, String key) {
        Duration value = config.getDuration(key);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigException.BadValue(config.getValue(key).origin(), key, "must be positive, such as 30s");
        }
        return value;
    }

    @Override
    protected void configure() {
        bind(Transport.class).to(WhatsAppTransport.class);
        OptionalBinder.newOptionalBinder(binder(), ConnectionClient.Factory.class).setBinding().to(WhatsAppTransport.class);
    }

    @Provides
    @Singleton
    WhatsAppTransport transport(SessionService session, SessionFlusher flusher, Clock clock) {
        return new WhatsAppTransport(session, flusher, proxy, ackTimeout, groupAdminsTtl, clock);
    }
}
