package dev.blacksky.core.http;

import com.google.inject.AbstractModule;

/** Binds the operations server's settings; the server itself binds its port only when {@code blacksky run} asks. */
public final class HttpModule extends AbstractModule {

    private final HttpSettings settings;

    public HttpModule(HttpSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(HttpSettings.class).toInstance(settings);
    }
}
