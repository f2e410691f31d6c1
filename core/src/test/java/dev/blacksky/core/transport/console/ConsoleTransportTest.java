package dev.blacksky.core.transport.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.event.MemberLeftEvent;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.InboundSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleTransportTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final List<Inbound> received = new CopyOnWriteArrayList<>();
    private final List<BotEvent> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private void run(String input) throws InterruptedException {
        ConsoleTransport console = new ConsoleTransport(new ConsoleSettings("console", "Console", true, false, 65536),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), false, Clock.systemUTC(), java.nio.file.Path.of("target/console-media"));
        console.start(new InboundSink() {
            @Override
            public java.util.concurrent.CompletionStage<Void> accept(Inbound inbound) {
                received.add(inbound);
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            @Override
            public void event(BotEvent event) {
                events.add(event);
            }

            @Override
            public void inputClosed() {
                closed.countDown();
            }
        });
        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void lines_become_messages_and_directives_switch_sender_and_chat() throws InterruptedException {
        run("!ping\n:as alice\n:in team\n:admin\nhi all\n:admin off\n:dm\n:as\n\n!bye\n");
        assertThat(received).hasSize(3);
        Inbound first = received.get(0);
        assertThat(first.message().sender().id().value()).isEqualTo("console");
        assertThat(first.message().chat().type()).isEqualTo(ChatType.PRIVATE);
        Inbound second = received.get(1);
        assertThat(second.message().sender().id().value()).isEqualTo("alice");
        assertThat(second.message().chat().type()).isEqualTo(ChatType.GROUP);
        assertThat(second.message().chat().name()).isEqualTo("team");
        assertThat(second.senderIsGroupAdmin()).isTrue();
        assertThat(received.get(2).message().sender().id().value()).isEqualTo("console");
        assertThat(received.get(2).message().chat().type()).isEqualTo(ChatType.PRIVATE);
        assertThat(received).extracting(i -> i.message().id()).doesNotHaveDuplicates();
    }

    @Test
    void join_and_leave_directives_deliver_membership_events_in_the_current_group() throws InterruptedException {
        run(":join bob\n:in team\n:join bob\n:leave carol\n:leave bob\n"); // carol is no member: nothing to hear
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(MemberJoinedEvent.class, e -> {
            assertThat(e.user().value()).isEqualTo("bob");
            assertThat(e.group().name()).isEqualTo("team");
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(MemberLeftEvent.class, e -> assertThat(e.user().value()).isEqualTo("bob"));
    }

    @Test
    void piped_output_carries_only_replies_with_their_lines_as_they_are() throws InterruptedException {
        run(":as bob\n:help\n");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        ConsoleTransport console = new ConsoleTransport(new ConsoleSettings("console", "Console", true, false, 65536),
                new ByteArrayInputStream(new byte[0]), new PrintStream(stdout, true, StandardCharsets.UTF_8), false,
                Clock.systemUTC(), java.nio.file.Path.of("target/console-media"));
        console.send(dev.blacksky.api.message.ChatId.of("x"),
                dev.blacksky.api.message.OutgoingMessage.text("line one\nline two ✓"), "id-1");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("line one\nline two ✓" + System.lineSeparator());
    }
}
