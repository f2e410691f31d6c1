package ${package};

import dev.blacksky.testkit.BlackskyTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HelloTest {

    @RegisterExtension
    BlackskyTest bot = BlackskyTest.plugin(Hello.class);

    @Test
    void greets_the_caller_or_whoever_is_named() {
        bot.user("alice").says("!hello").expectReply("Hello, alice!");
        bot.user("alice").says("!hello Ada").expectReply("Hello, Ada!");
    }
}
