package dev.blacksky.core.config;

import com.typesafe.config.Config;
import java.util.Optional;
import java.util.Set;

/**
 * One account the host runs: its name, its configuration (the host's, with the account's own overrides and
 * {@code blacksky.account} set to the name), and the plugins it serves (all when empty).
 */
public record AccountPlan(String name, Config config, Optional<Set<String>> plugins) {

    public AccountPlan {
        plugins = plugins.map(Set::copyOf);
    }

    /** Whether this account runs the commands and listeners of {@code pluginId}; the host's own always. */
    public boolean serves(String pluginId) {
        return plugins.isEmpty() || plugins.get().contains(pluginId) || pluginId.equals("blacksky");
    }
}
