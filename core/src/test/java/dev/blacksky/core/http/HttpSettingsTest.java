package dev.blacksky.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    private static Config config(String text) {
        return ConfigFactory.parseString(text).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void defaults_to_loopback_with_a_token() {
        HttpSettings settings = HttpSettings.from(config(""));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.tokenRequired()).isTrue();
    }

    @Test
    void no_token_is_allowed_on_loopback_only() {
        assertThat(HttpSettings.from(config("blacksky.http.auth = none")).tokenRequired()).isFalse();
        assertThatThrownBy(() -> HttpSettings.from(config("blacksky.http { auth = none, host = \"0.0.0.0\" }")))
                .isInstanceOf(ConfigException.BadValue.class).hasMessageContaining("blacksky.http.auth")
                .hasMessageContaining("0.0.0.0");
        assertThatThrownBy(() -> HttpSettings.from(config("blacksky.http.auth = maybe")))
                .hasMessageContaining("\"token\" or \"none\"");
        assertThatThrownBy(() -> HttpSettings.from(config("blacksky.http.port = 70000")))
                .hasMessageContaining("blacksky.http.port");
    }
}
