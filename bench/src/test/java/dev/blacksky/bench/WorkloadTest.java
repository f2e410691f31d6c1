package dev.blacksky.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The harness follows the workload's message rules (docs/benchmarks.md) and its examples, and lays plugins out as asked. */
class WorkloadTest {

    private final Workload n50 = new Workload(50);

    @Test
    void theSpecExamplesForNFifty() {
        assertThat(n50.text(0)).isEqualTo("!cmd0 hello 0");
        assertThat(n50.expectedReply(0)).isEqualTo("hello 0");
        assertThat(n50.text(9)).isEqualTo("!nosuchcmd 9");
        assertThat(n50.text(19)).isEqualTo("just chatting 19");
        assertThat(n50.text(55)).isEqualTo("!ping");
        assertThat(n50.expectedReply(55)).isEqualTo("pong");
    }

    @Test
    void messagesComeFromFourUsersInTheirPrivateChats() {
        assertThat(n50.message(6).sender().id().value()).isEqualTo("u2");
        assertThat(n50.message(6).chat().id().value()).isEqualTo("u2");
        assertThat(n50.message(6).chat().isGroup()).isFalse();
        assertThat(n50.message(6).id()).isNotEqualTo(n50.message(7).id());
    }

    @Test
    void twoHundredThousandMessagesExpectExactlyOneHundredEightyThousandReplies() {
        assertThat(LongStream.range(0, 200_000).filter(Workload::expectsReply).count()).isEqualTo(180_000);
    }

    @Test
    void withOneCommandEveryOtherReplyingMessageIsPing() {
        Workload n1 = new Workload(1);
        assertThat(List.of(n1.text(0), n1.text(1), n1.text(2))).containsExactly("!cmd0 hello 0", "!ping", "!cmd0 hello 2");
    }

    @Test
    void layoutsCoverTheSameCommands() {
        List<PluginJars.Unit> one = PluginJars.layout(50, Packaging.ONE_PLUGIN);
        List<PluginJars.Unit> each = PluginJars.layout(50, Packaging.PLUGIN_PER_COMMAND);
        assertThat(one).hasSize(1);
        assertThat(each).hasSize(51);
        assertThat(one.get(0).commandCount()).isEqualTo(51);
        assertThat(each.stream().mapToInt(PluginJars.Unit::commandCount).sum()).isEqualTo(51);
    }

    @Test
    void theConfigGivesEachPluginItsCommands() {
        Config config = ConfigFactory.parseString(PluginJars.config(PluginJars.layout(2, Packaging.PLUGIN_PER_COMMAND)));
        assertThat(config.getStringList("plugins.bench-cmd1.commands")).containsExactly("cmd1");
        assertThat(config.getBoolean("plugins.bench-cmd1.ping")).isFalse();
        assertThat(config.getBoolean("plugins.bench-ping.ping")).isTrue();
    }
}
