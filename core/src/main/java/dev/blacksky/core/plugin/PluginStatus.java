package dev.blacksky.core.plugin;

import java.nio.file.Path;
import java.util.List;

/** What an operator sees of one plugin in {@code !plugins} and {@code !plugin info}. */
public record PluginStatus(String pluginId, String version, State state, String detail, Path jar, List<String> commands,
                           int listeners, List<String> dependencies, long failures, int callsInProgress) {

    /** A plugin's state as operators see it. */
    public enum State {
        /** Loaded and serving. */
        RUNNING,
        /** Loaded, but its circuit breaker is open after repeated failures. */
        PAUSED,
        /** Turned off by an owner; stays off across restarts until enabled. */
        DISABLED,
        /** Its JAR could not be loaded or started. */
        FAILED
    }
}
