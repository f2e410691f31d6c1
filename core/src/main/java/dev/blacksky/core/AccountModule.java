package dev.blacksky.core;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.typesafe.config.Config;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.core.account.HostedAccount;
import dev.blacksky.core.alert.AlertModule;
import dev.blacksky.core.alert.AlertSettings;
import dev.blacksky.core.alert.OperatorAlerts;
import dev.blacksky.core.config.AccountPlan;
import dev.blacksky.core.config.ConfigLoader;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.connection.ConnectionModule;
import dev.blacksky.core.connection.ConnectionService;
import dev.blacksky.core.connection.ConnectionSettings;
import dev.blacksky.core.connection.PairingCodes;
import dev.blacksky.core.dispatch.Dispatcher;
import dev.blacksky.core.group.GroupDirectory;
import dev.blacksky.core.inbound.InboundModule;
import dev.blacksky.core.inbound.JournalSettings;
import dev.blacksky.core.inbound.JournaledIntake;
import dev.blacksky.core.inbound.MediaDownloads;
import dev.blacksky.core.metrics.AccountMeters;
import dev.blacksky.core.outbound.GovernorSettings;
import dev.blacksky.core.outbound.MediaSettings;
import dev.blacksky.core.outbound.OutboundMessenger;
import dev.blacksky.core.outbound.OutboxSettings;
import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.SessionModule;
import dev.blacksky.core.session.SessionSettings;

/**
 * Binds one account's own services in a child injector of the host's: every class that holds the account's
 * state is bound here explicitly, so that none is made once in the parent and shared by mistake.
 */
final class AccountModule extends AbstractModule {

    private final AccountPlan plan;
    private final Module transport;
    private final ConnectionSettings connection;
    private final SessionSettings session;
    private final JournalSettings journal;
    private final AlertSettings alerts;
    private final GovernorSettings governor;
    private final OutboxSettings outbox;
    private final MediaSettings media;

    /** Reads the account's settings now, so a bad value stops start-up naming its file, line and key. */
    AccountModule(AccountPlan plan, HostPaths paths, Module transport) {
        Config config = plan.config();
        this.plan = plan;
        this.transport = transport;
        this.connection = ConfigLoader.read(config, ConnectionSettings::from);
        this.session = ConfigLoader.read(config, SessionSettings::from);
        this.journal = ConfigLoader.read(config, JournalSettings::from);
        this.alerts = ConfigLoader.read(config, AlertSettings::from);
        this.governor = ConfigLoader.read(config, GovernorSettings::from);
        this.outbox = ConfigLoader.read(config, OutboxSettings::from);
        this.media = ConfigLoader.read(config, c -> MediaSettings.from(c, AccountLayout.of(paths.data(), plan.name()).root()));
    }

    @Override
    protected void configure() {
        install(new ConnectionModule(connection));
        install(new SessionModule(session));
        install(new InboundModule(journal));
        install(new AlertModule(alerts));
        install(transport);
        bind(AccountPlan.class).toInstance(plan);
        bind(GovernorSettings.class).toInstance(governor);
        bind(OutboxSettings.class).toInstance(outbox);
        bind(MediaSettings.class).toInstance(media);
        bind(Messenger.class).to(OutboundMessenger.class);
        for (Class<?> own : new Class<?>[] {OutboundMessenger.class, Dispatcher.class, JournaledIntake.class,
                GroupDirectory.class, MediaDownloads.class, PairingCodes.class, ConnectionService.class,
                AccountMeters.class, OperatorAlerts.class, HostedAccount.class}) {
            bind(own).in(Singleton.class);
        }
    }
}
