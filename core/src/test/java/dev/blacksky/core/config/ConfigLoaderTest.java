package dev.blacksky.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Config load(Path app, Path extra, Map<String, String> env) {
        return ConfigLoader.load(new ConfigSources(app, extra == null ? List.of() : List.of(extra), env));
    }

    @Test
    void defaults_come_from_reference_conf() {
        Config config = ConfigLoader.load(ConfigSources.defaults());
        assertThat(config.getString("blacksky.transport")).isEqualTo("whatsapp");
        assertThat(config.getStringList("blacksky.dispatch.prefixes")).containsExactly("!", "/");
    }

    @Test
    void layers_apply_in_order_application_then_extra_file_then_environment() throws IOException {
        Path app = file("application.conf", "blacksky.dispatch.command-timeout = 3s\nblacksky.owners = [\"1\"]");
        Path extra = file("extra.conf", "blacksky.dispatch.command-timeout = 4s");
        Config config = load(app, extra, Map.of("CONFIG_FORCE_blacksky_console_display__name", "Root"));
        assertThat(config.getDuration("blacksky.dispatch.command-timeout")).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.getStringList("blacksky.owners")).containsExactly("1");
        assertThat(config.getString("blacksky.console.display-name")).isEqualTo("Root");
        assertThat(load(app, extra, Map.of("CONFIG_FORCE_blacksky_dispatch_command__timeout", "5s"))
                .getDuration("blacksky.dispatch.command-timeout")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void missing_application_conf_is_fine_but_a_missing_config_file_is_not() {
        Config config = load(dir.resolve("absent.conf"), null, Map.of());
        assertThat(config.getString("blacksky.transport")).isEqualTo("whatsapp");
        assertThatThrownBy(() -> load(null, dir.resolve("typo.conf"), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("typo.conf does not exist");
    }

    @Test
    void malformed_file_names_file_and_line() throws IOException {
        Path app = file("application.conf", "blacksky {\n  owners = [\"1\"]\n  dispatch { prefixes = [\"!\" }\n}\n");
        assertThatThrownBy(() -> load(app, null, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(app.toString())
                .hasMessageContaining("at line 3");
    }

    @Test
    void unknown_key_is_reported_by_path_and_line_with_a_suggestion() throws IOException {
        Path app = file("application.conf", "# comment\nblacksky.transprt = console\n");
        assertThatThrownBy(() -> load(app, null, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("application.conf:2: unknown key blacksky.transprt")
                .hasMessageContaining("did you mean blacksky.transport?");
    }

    @Test
    void wrongly_typed_key_is_reported_by_path() throws IOException {
        Path app = file("application.conf", "blacksky {\n  dispatch.prefixes = \"!\"\n}\n");
        assertThatThrownBy(() -> load(app, null, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("blacksky.dispatch.prefixes")
                .hasMessageContaining("application.conf:2");
    }

    @Test
    void plugin_subtrees_are_not_checked_against_the_core_reference() throws IOException {
        Path app = file("application.conf", "plugins.notes.max = 10\n");
        assertThat(load(app, null, Map.of()).getInt("plugins.notes.max")).isEqualTo(10);
    }

    @Test
    void environment_variable_names_map_to_paths() {
        assertThat(ConfigLoader.envNameToPath("blacksky_dispatch_command__timeout")).isEqualTo("blacksky.dispatch.command-timeout");
        assertThat(ConfigLoader.envNameToPath("plugins_my___plugin_x")).isEqualTo("plugins.my_plugin.x");
    }

    @Test
    void the_root_set_to_a_value_is_a_configuration_error_naming_where() throws IOException {
        Path app = file("application.conf", "blacksky = 5\n");
        assertThatThrownBy(() -> load(app, null, Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("application.conf:1: blacksky is set to 5");
        assertThatThrownBy(() -> load(null, null, Map.of("CONFIG_FORCE_blacksky", "1")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("environment variable CONFIG_FORCE_blacksky").hasMessageContaining("blacksky is set to");
    }

    @Test
    void out_of_range_and_empty_values_are_configuration_errors_naming_the_key() throws IOException {
        Path app = file("application.conf", "blacksky.dispatch.plugin-threads = 100000\nblacksky.console.user = \"  \"\n");
        Config config = load(app, null, Map.of());
        assertThatThrownBy(() -> ConfigLoader.read(config, dev.blacksky.core.dispatch.DispatchSettings::from))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("blacksky.dispatch.plugin-threads").hasMessageContaining("must be from 1 to 1024");
        assertThatThrownBy(() -> ConfigLoader.read(config, dev.blacksky.core.transport.console.ConsoleSettings::from))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("blacksky.console.user");
        Config fromEnvironment = load(null, null, Map.of("CONFIG_FORCE_blacksky_dispatch_plugin__threads", "0"));
        assertThatThrownBy(() -> ConfigLoader.read(fromEnvironment, dev.blacksky.core.dispatch.DispatchSettings::from))
                .hasMessageContaining("environment variable CONFIG_FORCE_blacksky_dispatch_plugin__threads: Invalid value at")
                .satisfies(e -> assertThat(e.getMessage().split("CONFIG_FORCE", -1)).as("the variable named once").hasSize(2));
    }

    @Test
    void a_map_left_empty_in_reference_conf_takes_keys_of_the_users_choosing() throws IOException {
        Path app = file("application.conf", "blacksky.outbound.governor.plugin-shares { news = 0.1 }\n");
        assertThat(load(app, null, Map.of()).getDouble("blacksky.outbound.governor.plugin-shares.news")).isEqualTo(0.1);
    }
}
