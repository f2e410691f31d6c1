package dev.blacksky.core;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import com.typesafe.config.Config;
import dev.blacksky.core.alert.AlertModule;
import dev.blacksky.core.alert.AlertSettings;
import dev.blacksky.core.cluster.ClusterSettings;
import dev.blacksky.core.config.ConfigLoader;
import dev.blacksky.core.config.ConfigModule;
import dev.blacksky.core.config.ConfigurationException;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.connection.ConnectionModule;
import dev.blacksky.core.connection.ConnectionSettings;
import dev.blacksky.core.connection.simulated.SimulatedConnectionModule;
import dev.blacksky.core.whatsapp.WhatsAppTransportModule;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.core.dispatch.DispatchModule;
import dev.blacksky.core.http.HttpModule;
import dev.blacksky.core.http.HttpSettings;
import dev.blacksky.core.metrics.MetricsModule;
import dev.blacksky.core.inbound.InboundModule;
import dev.blacksky.core.inbound.JournalSettings;
import dev.blacksky.core.outbound.GovernorSettings;
import dev.blacksky.core.outbound.OutboundMessenger;
import dev.blacksky.core.outbound.MediaSettings;
import dev.blacksky.core.outbound.OutboxSettings;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.SessionModule;
import dev.blacksky.core.session.SessionSettings;
import dev.blacksky.core.storage.StorageModule;
import dev.blacksky.core.storage.StorageSettings;
import dev.blacksky.core.dispatch.DispatchSettings;
import dev.blacksky.core.transport.console.ConsoleSettings;
import dev.blacksky.core.plugin.PluginHostSettings;
import dev.blacksky.core.plugin.PluginModule;
import dev.blacksky.core.transport.Transport;
import dev.blacksky.core.transport.console.ConsoleTransportModule;
import dev.blacksky.core.transport.simulated.SimulatedTransport;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * The front door: {@code Blacksky.create(options)} reads and checks the configuration and wires a
 * {@link BotHost}; nothing starts until {@link BotHost#start()}.
 */
public final class Blacksky {

    static {
        // Reflection instead of generated classes: no AOP is used, generated classes would be defined in
        // plugin class loaders (keeping them alive after unload), and JDK 24+ warns about Guice's Unsafe use.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
    }

    private static final Map<String, Function<Config, Module>> TRANSPORTS = Map.of(
            "console", config -> new ConsoleTransportModule(ConfigLoader.read(config, ConsoleSettings::from)),
            "simulated", config -> Modules.combine(binding(new SimulatedTransport()),
                    ConfigLoader.read(config, SimulatedConnectionModule::from)),
            "whatsapp", config -> ConfigLoader.read(config, WhatsAppTransportModule::from));

    private Blacksky() {
    }

    /** Builds a host; throws {@link ConfigurationException} naming file, line and key on bad configuration. */
    public static BotHost create(HostOptions options) {
        return create(options, null);
    }

    /**
     * Builds a host on a transport the caller made, ignoring {@code blacksky.transport}: the escape hatch for
     * embedding and for the testkit, which drive a {@code SimulatedTransport} directly.
     */
    public static BotHost create(HostOptions options, Transport transport) {
        Config config = ConfigLoader.load(options.configSources());
        HostPaths paths = ConfigLoader.read(config,
                c -> HostPaths.resolve(options.home(), c, options.dataDir(), options.pluginsDir()));
        DispatchSettings dispatch = ConfigLoader.read(config, DispatchSettings::from);
        LifecycleSettings lifecycle = ConfigLoader.read(config, LifecycleSettings::from);
        String name = options.transport() != null ? options.transport() : config.getString("blacksky.transport");
        Function<Config, Module> known = TRANSPORTS.get(name);
        Module transportModule = transport != null ? binding(transport) : known != null ? known.apply(config) : null;
        if (transportModule == null) {
            throw new ConfigurationException(config.getValue("blacksky.transport").origin().description()
                    + ": blacksky.transport = \"" + name + "\" is not a transport; use one of " + TRANSPORTS.keySet());
        }
        StorageSettings storage = ConfigLoader.read(config, StorageSettings::from);
        PluginHostSettings pluginHost = ConfigLoader.read(config, PluginHostSettings::from);
        GovernorSettings governor = ConfigLoader.read(config, GovernorSettings::from);
        OutboxSettings outbox = ConfigLoader.read(config, OutboxSettings::from);
        JournalSettings journal = ConfigLoader.read(config, JournalSettings::from);
        ConnectionSettings connection = ConfigLoader.read(config, ConnectionSettings::from);
        SessionSettings session = ConfigLoader.read(config, SessionSettings::from);
        MediaSettings media = ConfigLoader.read(config,
                c -> MediaSettings.from(c, AccountLayout.of(paths.data(), outbox.account()).root()));
        HttpSettings http = ConfigLoader.read(config, HttpSettings::from);
        AlertSettings alerts = ConfigLoader.read(config, AlertSettings::from);
        ClusterSettings cluster = ConfigLoader.read(config, ClusterSettings::from);
        TimeSource time = options.time();
        paths.checkPlugins(config, options.pluginsDir() != null);
        return Guice.createInjector(Stage.PRODUCTION,
                new ConfigModule(config, paths),
                new DispatchModule(dispatch),
                new PluginModule(pluginHost),
                new StorageModule(storage),
                new InboundModule(journal),
                new ConnectionModule(connection),
                new SessionModule(session),
                new HttpModule(http),
                new AlertModule(alerts),
                new MetricsModule(),
                transportModule,
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(TimeSource.class).toInstance(time);
                        bind(Clock.class).toInstance(time.clock());
                        bind(LifecycleSettings.class).toInstance(lifecycle);
                        bind(GovernorSettings.class).toInstance(governor);
                        bind(OutboxSettings.class).toInstance(outbox);
                        bind(MediaSettings.class).toInstance(media);
                        bind(ClusterSettings.class).toInstance(cluster);
                        bind(Messenger.class).to(OutboundMessenger.class);
                    }
                }).getInstance(BotHost.class);
    }

    private static Module binding(Transport transport) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Transport.class).toInstance(transport);
            }
        };
    }
}
