package dev.blacksky.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.blacksky.core.config.ConfigLoader;
import dev.blacksky.core.config.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void the_defaults_are_the_policy_numbers() {
        ConnectionSettings s = SupervisorRig.defaults();
        assertThat(s.account()).isEqualTo("default");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.backoffBase()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.backoffCap()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.longOutageCap()).isEqualTo(Duration.ofSeconds(300));
        assertThat(s.longOutageAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.stableAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.breakerDisconnects()).isEqualTo(5);
        assertThat(s.breakerFailedConnects()).isEqualTo(10);
        assertThat(s.breakerOpenFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.probeAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.reconnectAfterSilence()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.serviceUnavailableFloor()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_probe_not_shorter_than_the_reconnect_is_refused_at_start_up() {
        var config = ConfigFactory.parseString("blacksky.connection.liveness.probe-after = 90s")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThatThrownBy(() -> ConfigLoader.read(config, ConnectionSettings::from))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("liveness.reconnect-after");
    }

    @Test
    void an_account_name_must_be_a_safe_folder_name() {
        var config = ConfigFactory.parseString("blacksky.account = \"../x\"")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThatThrownBy(() -> ConfigLoader.read(config, ConnectionSettings::from))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("folder-safe");
    }

    @Test
    void the_rehearsal_network_is_up_or_down() {
        var config = ConfigFactory.parseString("blacksky.connection.rehearsal-network = sideways")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThatThrownBy(() -> ConfigLoader.read(config,
                dev.blacksky.core.connection.simulated.SimulatedConnectionModule::from))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("\"up\" or \"down\"");
    }
}
