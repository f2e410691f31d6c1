package dev.blacksky.core.plugin;

import org.pf4j.DefaultPluginFactory;
import org.pf4j.Plugin;
import org.pf4j.PluginWrapper;

/** Lets a plugin omit {@code Plugin-Class}: most plugins are only extensions and need no lifecycle class. */
final class HostPluginFactory extends DefaultPluginFactory {

    @Override
    public Plugin create(PluginWrapper wrapper) {
        String className = wrapper.getDescriptor().getPluginClass();
        if (className == null || className.isBlank()) {
            return new Plugin();
        }
        return super.create(wrapper);
    }
}
