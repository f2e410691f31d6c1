package dev.blacksky.core;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import dev.blacksky.core.account.HostedAccount;
import dev.blacksky.core.account.HostedAccounts;
import dev.blacksky.core.config.AccountPlan;
import dev.blacksky.core.config.AccountPlans;
import dev.blacksky.core.transport.console.ConsoleSwitchboard;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import com.typesafe.config.Config;
import dev.blacksky.core.cluster.ClusterSettings;
import dev.blacksky.core.config.ConfigLoader;
import dev.blacksky.core.config.ConfigModule;
import dev.blacksky.core.config.ConfigurationException;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.connection.ConnectionPermits;
import dev.blacksky.core.connection.simulated.SimulatedConnectionModule;
import dev.blacksky.core.whatsapp.WhatsAppTransportModule;
import dev.blacksky.core.dispatch.DispatchModule;
import dev.blacksky.core.http.HttpModule;
import dev.blacksky.core.http.HttpSettings;
import dev.blacksky.core.metrics.MetricsModule;
import dev.blacksky.core.schedule.TimeSource;
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
import java.util.List;
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

    private static final java.util.Map<String, Function<Config, Module>> TRANSPORTS = java.util.Map.of(
            "console", config -> new ConsoleTransportModule(ConfigLoader.read(config, ConsoleSettings::from)),
            "simulated", config -> {
                SimulatedConnectionModule connection = ConfigLoader.read(config, SimulatedConnectionModule::from);
                return Modules.combine(binding(connection.transport()), connection);
            },
            "whatsapp", config -> ConfigLoader.read(config, WhatsAppTransportModule::from));

    private Blacksky() {
    }

    /** Builds a host; throws {@link ConfigurationException} naming file, line and key on bad configuration. */
    public static BotHost create(HostOptions options) {
        return build(options, null);
    }

    /**
     * Builds a host on a transport the caller made, ignoring {@code blacksky.transport}: the escape hatch for
     * embedding and for the testkit, which drive a {@code SimulatedTransport} directly. Such a host runs one account.
     */
    public static BotHost create(HostOptions options, Transport transport) {
        return build(options, transport == null ? null : plans -> {
            if (plans.all().size() > 1) {
                throw new ConfigurationException("A host built on a given transport runs one account, but"
                        + " blacksky.accounts lists " + plans.names() + ". Leave blacksky.accounts empty for it.");
            }
            return plan -> transport;
        });
    }

    /**
     * Builds a host whose accounts run on transports the caller made, by account name, ignoring each account's
     * {@code blacksky.transport}: the testkit's several accounts. Every configured account must have one.
     */
    public static BotHost create(HostOptions options, java.util.Map<String, ? extends Transport> transports) {
        return build(options, plans -> {
            List<String> missing = plans.names().stream().filter(name -> !transports.containsKey(name)).toList();
            if (!missing.isEmpty()) {
                throw new ConfigurationException("No transport was given for account(s) " + missing + "; the"
                        + " configured accounts are " + plans.names() + ".");
            }
            return plan -> transports.get(plan.name());
        });
    }

    // given: null to make each account's transport from its configuration, else what chooses the given ones.
    private static BotHost build(HostOptions options, Function<AccountPlans, Function<AccountPlan, Transport>> given) {
        Config config = ConfigLoader.load(options.configSources());
        HostPaths paths = ConfigLoader.read(config,
                c -> HostPaths.resolve(options.home(), c, options.dataDir(), options.pluginsDir()));
        AccountPlans plans = ConfigLoader.read(config, c -> AccountPlans.from(c, options.transport()));
        Function<AccountPlan, Transport> transportOf = given == null ? null : given.apply(plans);
        boolean sharedConsole = plans.onConsole() > 1;
        Function<AccountPlan, Module> accounts = plan -> new AccountModule(plan, paths,
                transportOf != null ? binding(transportOf.apply(plan)) : transport(plan, sharedConsole));
        // Each account's settings are read now, so that a bad one stops start-up here; these modules make the first
        // injector of each account, and the function makes an account anew (on a cluster node that takes it back).
        java.util.Map<String, Module> first = new java.util.HashMap<>();
        plans.all().forEach(plan -> first.put(plan.name(), accounts.apply(plan)));
        DispatchSettings dispatch = ConfigLoader.read(config, DispatchSettings::from);
        LifecycleSettings lifecycle = ConfigLoader.read(config, LifecycleSettings::from);
        StorageSettings storage = ConfigLoader.read(config, StorageSettings::from);
        PluginHostSettings pluginHost = ConfigLoader.read(config, PluginHostSettings::from);
        HttpSettings http = ConfigLoader.read(config, HttpSettings::from);
        ClusterSettings cluster = ConfigLoader.read(config, ClusterSettings::from);
        TimeSource time = options.time();
        paths.checkPlugins(config, options.pluginsDir() != null);
        Injector host = Guice.createInjector(Stage.PRODUCTION,
                new ConfigModule(config, paths),
                new DispatchModule(dispatch),
                new PluginModule(pluginHost),
                new StorageModule(storage),
                new HttpModule(http),
                new MetricsModule(),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(TimeSource.class).toInstance(time);
                        bind(Clock.class).toInstance(time.clock());
                        bind(LifecycleSettings.class).toInstance(lifecycle);
                        bind(ClusterSettings.class).toInstance(cluster);
                        bind(AccountPlans.class).toInstance(plans);
                        if (sharedConsole) { // one terminal for several accounts
                            bind(ConsoleSwitchboard.class).in(Singleton.class);
                        }
                        bind(ConnectionPermits.class).in(Singleton.class);
                        bind(dev.blacksky.core.outbound.SendPermits.class).to(ConnectionPermits.class);
                    }
                });
        host.getInstance(HostedAccounts.class).fill(plan -> host.createChildInjector(
                java.util.Objects.requireNonNullElseGet(first.remove(plan.name()), () -> accounts.apply(plan)))
                .getInstance(HostedAccount.class));
        return host.getInstance(BotHost.class);
    }

    private static Module transport(AccountPlan plan, boolean sharedConsole) {
        Config config = plan.config();
        String name = config.getString("blacksky.transport");
        if (name.equals("console") && sharedConsole) {
            return new ConsoleTransportModule(ConfigLoader.read(config, ConsoleSettings::from), plan.name());
        }
        Function<Config, Module> known = TRANSPORTS.get(name);
        if (known == null) {
            throw new ConfigurationException(config.getValue("blacksky.transport").origin().description()
                    + ": blacksky.transport = \"" + name + "\" is not a transport"
                    + (plan.name().equals("default") ? "" : " (account '" + plan.name() + "')") + "; use one of "
                    + TRANSPORTS.keySet());
        }
        return known.apply(config);
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
