package dev.blacksky.bench;

import dev.blacksky.api.ApiVersion;
import dev.blacksky.bench.plugin.ConfiguredCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/** Writes the bench plugin as real PF4J plugin JARs in either packaging, and the config that names their commands. */
final class PluginJars {

    private static final Class<?> EXTENSION = ConfiguredCommands.class;

    /** One plugin JAR to write: its id and the commands its config gives it. */
    record Unit(String pluginId, List<String> commands, boolean ping) {

        int commandCount() {
            return commands.size() + (ping ? 1 : 0);
        }
    }

    private PluginJars() {
    }

    /** {@code cmd0 .. cmd<N-1>} plus {@code ping}, in one plugin or in one plugin each. */
    static List<Unit> layout(int n, Packaging packaging) {
        List<String> names = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            names.add("cmd" + t);
        }
        if (packaging == Packaging.ONE_PLUGIN) {
            return List.of(new Unit("bench", names, true));
        }
        List<Unit> units = new ArrayList<>();
        for (String name : names) {
            units.add(new Unit("bench-" + name, List.of(name), false));
        }
        units.add(new Unit("bench-ping", List.of(), true));
        return units;
    }

    /** Writes one JAR per unit into {@code folder}: the extension's class files, a descriptor and the extension index. */
    static void write(Path folder, List<Unit> units) throws IOException {
        write(folder, units, "1.0.0");
    }

    /** Same, with the given Plugin-Version: two versions of a plugin differ in their files, as rebuilds do. */
    static void write(Path folder, List<Unit> units, String version) throws IOException {
        Map<String, byte[]> classes = classFiles();
        byte[] index = (EXTENSION.getName() + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(folder);
        for (Unit unit : units) {
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue("Plugin-Id", unit.pluginId());
            main.putValue("Plugin-Version", version);
            main.putValue("Plugin-Provider", "Blacksky bench");
            main.putValue("Plugin-Description", "Routing benchmark commands");
            main.putValue("Plugin-Requires", ">=" + ApiVersion.current());
            try (OutputStream out = Files.newOutputStream(folder.resolve(unit.pluginId() + ".jar"));
                 JarOutputStream jar = new JarOutputStream(out, manifest)) {
                for (Map.Entry<String, byte[]> file : classes.entrySet()) {
                    jar.putNextEntry(new JarEntry(file.getKey()));
                    jar.write(file.getValue());
                }
                jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
                jar.write(index);
            }
        }
    }

    /** The HOCON {@code plugins { ... }} block that gives each plugin its commands. */
    static String config(List<Unit> units) {
        StringBuilder hocon = new StringBuilder("plugins {\n");
        for (Unit unit : units) {
            String commands = unit.commands().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
            hocon.append("  \"").append(unit.pluginId()).append("\" { commands = [").append(commands)
                    .append("], ping = ").append(unit.ping()).append(" }\n");
        }
        return hocon.append("}\n").toString();
    }

    // The extension and its nest members (nested classes), read from the bench's own class path.
    private static Map<String, byte[]> classFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Class<?> type : EXTENSION.getNestMembers()) {
            String name = type.getName().replace('.', '/') + ".class";
            try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("cannot read " + name + " from the class path");
                }
                files.put(name, in.readAllBytes());
            }
        }
        return files;
    }
}
