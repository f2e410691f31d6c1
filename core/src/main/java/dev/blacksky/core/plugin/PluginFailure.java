package dev.blacksky.core.plugin;

import java.nio.file.Path;

/** A plugin JAR that was skipped, and why; shown in logs and in {@code !plugins}. */
public record PluginFailure(Path jar, String pluginId, String reason, String checksum) {

    public PluginFailure(Path jar, String pluginId, String reason) {
        this(jar, pluginId, reason, "");
    }

    public String describe() {
        return "Skipped plugin JAR " + jar + (pluginId == null ? "" : " (plugin '" + pluginId + "')") + ": " + reason;
    }
}
