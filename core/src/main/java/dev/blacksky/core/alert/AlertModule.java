package dev.blacksky.core.alert;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.blacksky.core.connection.StatusRecorder;

/** Binds the alerts as one more observer of the connection's status. */
public final class AlertModule extends AbstractModule {

    private final AlertSettings settings;

    public AlertModule(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(AlertSettings.class).toInstance(settings);
        Multibinder.newSetBinder(binder(), StatusRecorder.class).addBinding().to(OperatorAlerts.class);
    }
}
