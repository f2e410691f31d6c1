package dev.blacksky.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiOnlyClassLoaderTest {

    @Test
    void plugins_see_the_api_but_not_its_internals() throws Exception {
        ApiOnlyClassLoader loader = new ApiOnlyClassLoader(getClass().getClassLoader());
        assertThat(loader.loadClass("dev.blacksky.api.command.Argument")).isNotNull();
        assertThatThrownBy(() -> loader.loadClass("dev.blacksky.api.internal.ArgumentInternals"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> loader.loadClass("dev.blacksky.core.BotHost")).isInstanceOf(ClassNotFoundException.class);
    }
}
