package dev.blacksky.core.plugin;

/** Why one plugin could not be loaded or started; never stops the host. */
final class PluginLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    PluginLoadException(String reason) {
        super(reason);
    }
}
