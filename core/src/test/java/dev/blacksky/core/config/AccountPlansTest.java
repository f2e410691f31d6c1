package dev.blacksky.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountPlansTest {

    @TempDir
    Path folder;

    @Test
    void each_account_gets_the_shared_settings_with_its_own_on_top() throws IOException {
        AccountPlans plans = read("""
                blacksky.outbound.governor.per-minute = 20
                blacksky.accounts = [
                  { name = sales }
                  { name = support, transport = console, plugins = [basics], outbound.governor.per-minute = 5 }
                ]""", null);
        assertThat(plans.names()).containsExactly("sales", "support");
        AccountPlan support = plans.named("support").orElseThrow();
        assertThat(support.config().getString("blacksky.account")).isEqualTo("support");
        assertThat(support.config().getInt("blacksky.outbound.governor.per-minute")).isEqualTo(5);
        assertThat(support.config().getString("blacksky.transport")).isEqualTo("console");
        assertThat(plans.primary().config().getInt("blacksky.outbound.governor.per-minute")).isEqualTo(20);
        assertThat(plans.primary().config().getString("blacksky.account")).isEqualTo("sales");
        assertThat(support.serves("basics")).isTrue();
        assertThat(support.serves("hello")).isFalse();
        assertThat(support.serves("blacksky")).as("the host's own commands").isTrue();
        assertThat(plans.primary().serves("hello")).isTrue();
        assertThat(read("blacksky.accounts = [{ name = a }, { name = b }]", "console").onConsole()).isEqualTo(2);
    }

    @Test
    void without_a_list_the_one_account_is_blacksky_account() throws IOException {
        AccountPlans plans = read("blacksky.account = solo", null);
        assertThat(plans.names()).containsExactly("solo");
        assertThat(plans.primary().plugins()).isEmpty();
    }

    @Test
    void mistakes_are_refused_naming_the_file_line_account_and_key() {
        assertThatThrownBy(() -> read("blacksky.accounts = [{ name = a }, { name = a }]", null))
                .hasMessageContaining("accounts.conf:1").hasMessageContaining("account 'a' is listed twice");
        assertThatThrownBy(() -> read("blacksky.accounts = [\n{ name = a, http.port = 1 }]", null))
                .hasMessageContaining("accounts.conf:2").hasMessageContaining("'http.port' is not a setting an account can have");
        assertThatThrownBy(() -> read("blacksky.accounts = [{ name = \"a b\" }]", null))
                .hasMessageContaining("blacksky.accounts[0].name must be the account's name");
        assertThatThrownBy(() -> read("blacksky.accounts = [\"sales\"]", null))
                .hasMessageContaining("blacksky.accounts[0] must be an object such as { name = sales }");
        assertThatThrownBy(() -> read("blacksky.accounts = [\n{ name = a }\n{ name = b, connection.backoff = 5 }]", null))
                .hasMessageContaining("accounts.conf:3").hasMessageContaining("(b)").hasMessageContaining("connection.backoff");
        assertThatThrownBy(() -> read("blacksky.accounts = [{ name = a, plugins = basics }]", null))
                .hasMessageContaining("plugins must be a list of plugin ids");
    }

    private AccountPlans read(String text, String transport) throws IOException {
        Path file = Files.writeString(folder.resolve("accounts.conf"), text);
        com.typesafe.config.Config config = ConfigLoader.load(new ConfigSources(null, List.of(file), Map.of()));
        return ConfigLoader.read(config, c -> AccountPlans.from(c, transport));
    }
}
