package dev.blacksky.core.plugin;

import dev.blacksky.api.ApiVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PropertiesPluginDescriptorFinder;

/**
 * Validates the plugins folder without starting anything, for {@code blacksky plugins list}: what would
 * load, and why the rest would not.
 */
public final class PluginFolderCheck {

    /** One JAR's verdict: its descriptor if readable, and a problem if it would not load. */
    public record Entry(Path jar, String pluginId, String version, String requires, List<String> dependencies,
                        String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private PluginFolderCheck() {
    }

    public static List<Entry> check(Path folder) {
        CompoundPluginDescriptorFinder finder = new CompoundPluginDescriptorFinder()
                .add(new PropertiesPluginDescriptorFinder()).add(new ManifestPluginDescriptorFinder());
        DefaultVersionManager versions = new DefaultVersionManager();
        List<Entry> entries = new ArrayList<>();
        Map<String, Entry> byId = new HashMap<>();
        for (Path jar : PluginJarInspector.checksums(folder).keySet()) {
            Optional<String> problem = PluginJarInspector.problemWith(jar);
            if (problem.isPresent()) {
                PluginDescriptor d = descriptorOrNull(finder, jar); // to name the plugin, where it can be read
                entries.add(new Entry(jar, d == null ? null : d.getPluginId(), d == null ? null : d.getVersion(), null,
                        List.of(), problem.get()));
                continue;
            }
            try {
                PluginDescriptor d = finder.find(jar);
                String requires = d.getRequires();
                String issue = null;
                if (byId.containsKey(d.getPluginId())) {
                    issue = "a plugin with the same id (" + d.getPluginId() + ") is in " + byId.get(d.getPluginId()).jar().getFileName();
                } else if (requires != null && !requires.isBlank() && !requires.equals("*")
                        && !versions.checkVersionConstraint(ApiVersion.current(), requires)) {
                    issue = "it requires blacksky-api " + requires + " but this host provides " + ApiVersion.current();
                } else if (!PluginJarInspector.hasExtensionIndex(jar)) {
                    issue = "it has no META-INF/extensions.idx, so it would contribute nothing";
                }
                Entry entry = new Entry(jar, d.getPluginId(), d.getVersion(), requires,
                        d.getDependencies().stream().map(PluginDependency::getPluginId).toList(), issue);
                entries.add(entry);
                byId.putIfAbsent(d.getPluginId(), entry);
            } catch (PluginRuntimeException e) {
                entries.add(new Entry(jar, null, null, null, List.of(), e.getMessage()));
            }
        }
        return withDependencies(entries, byId);
    }

    private static PluginDescriptor descriptorOrNull(CompoundPluginDescriptorFinder finder, Path jar) {
        try {
            return finder.find(jar);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<Entry> withDependencies(List<Entry> entries, Map<String, Entry> byId) {
        List<Entry> checked = new ArrayList<>();
        for (Entry entry : entries) {
            String missing = entry.ok() ? entry.dependencies().stream().filter(dep -> !byId.containsKey(dep)).findFirst().orElse(null) : null;
            checked.add(missing == null ? entry : new Entry(entry.jar(), entry.pluginId(), entry.version(), entry.requires(),
                    entry.dependencies(), "it needs plugin '" + missing + "', which is not in the folder"));
        }
        return checked;
    }
}
