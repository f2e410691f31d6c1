package dev.blacksky.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The accounts of {@code blacksky.accounts}, or the one of {@code blacksky.account} when it lists none. */
public record AccountPlans(List<AccountPlan> all) {

    /** The sections an account may set for itself; the rest (paths, plugins, http, ...) the host shares. */
    static final Set<String> OWN_SECTIONS = Set.of("transport", "whatsapp", "console", "connection", "session",
            "inbound", "media", "outbound", "alerts");
    private static final String KEY = "blacksky.accounts";

    public AccountPlans {
        all = List.copyOf(all);
    }

    /** Reads the plans; {@code transport}, when not null, replaces every account's transport (the CLI's --console). */
    public static AccountPlans from(Config config, String transport) {
        Config reference = ConfigFactory.defaultReference(AccountPlans.class.getClassLoader());
        List<? extends ConfigValue> listed = config.getList(KEY);
        List<AccountPlan> plans = new ArrayList<>();
        if (listed.isEmpty()) {
            plans.add(new AccountPlan(config.getString("blacksky.account"), forced(config, transport), Optional.empty()));
            return new AccountPlans(plans);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < listed.size(); i++) {
            ConfigValue entry = listed.get(i);
            String where = KEY + "[" + i + "]";
            if (!(entry instanceof ConfigObject object)) {
                throw bad(entry, where + " must be an object such as { name = sales }, got " + entry.render());
            }
            Config own = object.toConfig();
            if (!own.hasPath("name") || own.getValue("name").valueType() != ConfigValueType.STRING
                    || !own.getString("name").matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw bad(entry, where + ".name must be the account's name: 1 to 64 letters, digits, '.', '_' or '-',"
                        + " starting with a letter or digit");
            }
            String name = own.getString("name");
            if (!names.add(name)) {
                throw bad(entry, where + ": account '" + name + "' is listed twice; each account needs a name of its own");
            }
            for (Map.Entry<String, ConfigValue> leaf : own.entrySet()) {
                String path = leaf.getKey();
                String section = path.split("\\.", 2)[0];
                boolean known = path.equals("name") || path.equals("plugins")
                        || OWN_SECTIONS.contains(section) && reference.hasPathOrNull("blacksky." + path);
                if (!known) {
                    throw bad(leaf.getValue(), where + " (" + name + "): '" + path + "' is not a setting an account can"
                            + " have; it may set name, plugins and keys of " + new java.util.TreeSet<>(OWN_SECTIONS));
                }
            }
            Optional<Set<String>> plugins = Optional.empty();
            if (own.hasPath("plugins")) {
                try {
                    plugins = Optional.of(new LinkedHashSet<>(own.getStringList("plugins")));
                } catch (com.typesafe.config.ConfigException.WrongType e) {
                    throw bad(own.getValue("plugins"), where + ".plugins must be a list of plugin ids, such as [basics]");
                }
            }
            Config merged = own.withoutPath("name").withoutPath("plugins").atPath("blacksky").withFallback(config)
                    .withValue("blacksky.account", own.getValue("name"))
                    .withValue(KEY, ConfigValueFactory.fromIterable(List.of()));
            try {
                merged.checkValid(reference, "blacksky");
            } catch (com.typesafe.config.ConfigException.ValidationFailed e) {
                var problem = e.problems().iterator().next();
                throw new ConfigurationException("Invalid configuration:\n  " + ConfigLoader.where(problem.origin()) + where + " (" + name
                        + "): blacksky." + problem.path().substring("blacksky.".length()) + " " + problem.problem());
            }
            plans.add(new AccountPlan(name, forced(merged, transport), plugins));
        }
        return new AccountPlans(plans);
    }

    private static Config forced(Config config, String transport) {
        return transport == null ? config : config.withValue("blacksky.transport", ConfigValueFactory.fromAnyRef(transport,
                "the command line"));
    }

    public AccountPlan primary() {
        return all.getFirst();
    }

    public List<String> names() {
        return all.stream().map(AccountPlan::name).toList();
    }

    public Optional<AccountPlan> named(String name) {
        return all.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** How many accounts talk through the process's console (they share its input). */
    public long onConsole() {
        return all.stream().filter(p -> p.config().getString("blacksky.transport").equals("console")).count();
    }

    private static ConfigurationException bad(ConfigValue value, String problem) {
        return new ConfigurationException("Invalid configuration:\n  " + ConfigLoader.where(value.origin()) + problem);
    }
}
