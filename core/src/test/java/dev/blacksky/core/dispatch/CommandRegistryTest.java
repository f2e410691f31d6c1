package dev.blacksky.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRegistryTest {

    private static Command command(String name, String... aliases) {
        CommandSpec.Builder spec = CommandSpec.named(name).description("d");
        for (String alias : aliases) {
            spec.alias(alias);
        }
        CommandSpec built = spec.build();
        return new Command() {
            @Override
            public CommandSpec spec() {
                return built;
            }

            @Override
            public void execute(CommandContext ctx) {
            }
        };
    }

    @Test
    void lookup_by_name_alias_and_qualified_name_in_any_case() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        registry.register("basics", List.of(command("ping", "p")));
        assertThat(registry.find("ping")).get().extracting(Route::pluginId).isEqualTo("basics");
        assertThat(registry.find("PING")).isPresent();
        assertThat(registry.find("p")).isPresent();
        assertThat(registry.find("basics:ping")).isPresent();
        assertThat(registry.find("pong")).isEmpty();
    }

    @Test
    void collision_winner_does_not_depend_on_load_order_and_loser_stays_reachable() throws Exception {
        for (List<String> order : List.of(List.of("alpha", "beta"), List.of("beta", "alpha"))) {
            CommandRegistry registry = new CommandRegistry();
            for (String plugin : order) {
                registry.register(plugin, List.of(command("roll")));
            }
            assertThat(registry.find("roll")).get().extracting(Route::pluginId).isEqualTo("alpha");
            assertThat(registry.find("beta:roll")).get().extracting(Route::pluginId).isEqualTo("beta");
            Route beta = registry.find("beta:roll").orElseThrow();
            assertThat(registry.reachableName(beta)).isEqualTo("beta:roll");
        }
    }

    @Test
    void a_name_beats_an_alias_of_another_plugin() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        registry.register("aaa", List.of(command("dice", "roll")));
        registry.register("zzz", List.of(command("roll")));
        assertThat(registry.find("roll")).get().extracting(Route::pluginId).isEqualTo("zzz");
        assertThat(registry.find("dice")).get().extracting(Route::pluginId).isEqualTo("aaa");
    }

    @Test
    void a_plugin_declaring_a_name_twice_is_refused_whole() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        assertThatThrownBy(() -> registry.register("dup", List.of(command("a"), command("b", "a"))))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("plugin 'dup' declares the command name or alias 'a' twice");
        assertThat(registry.find("b")).isEmpty();
    }

    @Test
    void unregister_removes_everything_of_a_plugin() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        registry.register("alpha", List.of(command("roll")));
        registry.register("beta", List.of(command("roll")));
        registry.unregister("alpha");
        assertThat(registry.find("roll")).get().extracting(Route::pluginId).isEqualTo("beta");
        assertThat(registry.find("alpha:roll")).isEmpty();
    }
}
