package dev.blacksky.core.plugin;

/** Why one plugin could not be loaded or started; never stops the host. */
final class PluginLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean dependsOnOthers;

    PluginLoadException(String reason) {
        this(reason, false);
    }

    /** {@code dependsOnOthers}: the cause lies in other plugins (a missing dependency), not in this JAR. */
    PluginLoadException(String reason, boolean dependsOnOthers) {
        super(reason);
        this.dependsOnOthers = dependsOnOthers;
    }

    boolean dependsOnOthers() {
        return dependsOnOthers;
    }
}
