package dev.blacksky.core.transport.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConsoleSwitchboardTest {

    private final ConsoleSwitchboard switchboard = new ConsoleSwitchboard(ConfigFactory.defaultReference());

    @Test
    void the_input_ends_only_once_every_account_has_read_all_of_its_own() {
        switchboard.attach("sales");
        switchboard.attach("support");
        AtomicInteger closed = new AtomicInteger();
        switchboard.drained(closed::incrementAndGet); // support reached the end; sales is still at a long line
        assertThat(closed).hasValue(0);
        switchboard.drained(closed::incrementAndGet);
        assertThat(closed).hasValue(1);
    }

    @Test
    void an_account_that_never_started_is_not_waited_for() throws Exception {
        switchboard.attach("sales");
        var lab = switchboard.attach("lab");
        switchboard.detach("lab"); // its account could not start
        assertThat(lab.read()).as("its input is closed").isEqualTo(-1);
        AtomicInteger closed = new AtomicInteger();
        switchboard.drained(closed::incrementAndGet);
        assertThat(closed).hasValue(1);
    }
}
