package dev.blacksky.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.config.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlackskyTest {

    @TempDir
    Path home;

    private void create(String config) throws IOException {
        Path file = Files.writeString(home.resolve("my.conf"), config);
        Blacksky.create(new HostOptions(home, new ConfigSources(null, List.of(file), Map.of()), null, null, null,
                Clock.systemUTC()));
    }

    @Test
    void a_value_of_the_wrong_kind_stops_creation_with_path_file_and_line() {
        assertThatThrownBy(() -> create("blacksky {\n  dispatch.command-timeout = soon\n}\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("my.conf:2")
                .hasMessageContaining("blacksky.dispatch.command-timeout");
    }

    @Test
    void an_unknown_transport_is_named_with_the_known_ones() {
        assertThatThrownBy(() -> create("blacksky.transport = telegram\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("my.conf: 1")
                .hasMessageContaining("\"telegram\" is not a transport");
    }

    @Test
    void a_number_out_of_its_range_is_refused_with_key_and_line() {
        assertThatThrownBy(() -> create("x = 1\nblacksky.plugin-host.bulkhead.max-concurrent-calls = 0\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("my.conf:2")
                .hasMessageContaining("blacksky.plugin-host.bulkhead.max-concurrent-calls")
                .hasMessageContaining("must be at least 1");
    }

    @Test
    void empty_prefix_list_is_refused() {
        assertThatThrownBy(() -> create("blacksky.dispatch.prefixes = []\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("blacksky.dispatch.prefixes");
    }

    @Test
    void a_host_on_given_transports_needs_one_for_every_configured_account() throws IOException {
        Path file = Files.writeString(home.resolve("my.conf"), "blacksky.accounts = [{ name = sales }, { name = support }]\n");
        HostOptions options = new HostOptions(home, new ConfigSources(null, List.of(file), Map.of()), null, null, null,
                Clock.systemUTC());
        assertThatThrownBy(() -> Blacksky.create(options, Map.of("sales",
                new dev.blacksky.core.transport.simulated.SimulatedTransport())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("No transport was given for account(s) [support]")
                .hasMessageContaining("[sales, support]");
        assertThatThrownBy(() -> Blacksky.create(options, new dev.blacksky.core.transport.simulated.SimulatedTransport()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("runs one account");
    }
}
