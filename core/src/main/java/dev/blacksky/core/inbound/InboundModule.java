package dev.blacksky.core.inbound;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.blacksky.core.storage.Storage;

/** Binds the inbound journal; it opens its table only in {@link JournaledIntake#start()}. */
public final class InboundModule extends AbstractModule {

    private final JournalSettings settings;

    public InboundModule(JournalSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(JournalSettings.class).toInstance(settings);
    }

    @Provides
    @Singleton
    InboundJournal journal(Storage storage) {
        return new InboundJournal(() -> storage.forAccount(settings.account()), storage.database(), settings);
    }
}
