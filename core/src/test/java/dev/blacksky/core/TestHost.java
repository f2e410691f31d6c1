package dev.blacksky.core;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.simulated.SentMessage;
import dev.blacksky.core.transport.simulated.SimulatedTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A real host on the simulated transport, for tests: say something, get the replies. */
public final class TestHost implements AutoCloseable {

    private static final AtomicLong ids = new AtomicLong();

    public final BotHost host;
    public final SimulatedTransport transport;

    private TestHost(BotHost host, SimulatedTransport transport) {
        this.host = host;
        this.transport = transport;
    }

    /** Starts a host on {@code folder}/plugins and {@code folder}/data with extra HOCON configuration. */
    public static TestHost start(Path folder, String config) {
        return start(folder, config, false);
    }

    /** The same on a transport that journals inbound messages, as the WhatsApp transport does. */
    public static TestHost startJournaled(Path folder, String config) {
        return start(folder, config, true);
    }

    /** The same with time under the test's control. */
    public static TestHost start(Path folder, String config, dev.blacksky.core.schedule.TimeSource time) {
        return start(folder, config, false, time);
    }

    private static TestHost start(Path folder, String config, boolean journaled) {
        return start(folder, config, journaled, new dev.blacksky.core.schedule.SystemTimeSource(Clock.systemUTC()));
    }

    private static TestHost start(Path folder, String config, boolean journaled, dev.blacksky.core.schedule.TimeSource time) {
        try {
            Path conf = folder.resolve("test.conf");
            Files.writeString(conf, config);
            Files.createDirectories(folder.resolve("plugins"));
            SimulatedTransport transport = new SimulatedTransport(java.util.Set.of(UserId.of("owner"))).durable(journaled);
            HostOptions options = new HostOptions(folder, new ConfigSources(null, List.of(conf), Map.of()),
                    folder.resolve("data"), folder.resolve("plugins"), null, time);
            BotHost host = Blacksky.create(options, transport);
            host.start();
            return new TestHost(host, transport);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Inbound privateMessage(String user, String text) {
        Chat chat = new Chat(ChatId.of(user), ChatType.PRIVATE, user);
        return new Inbound(Message.text("m" + ids.incrementAndGet(), chat, new User(UserId.of(user), user), text,
                Instant.now()), false);
    }

    public static Inbound groupMessage(String group, String user, boolean admin, String text) {
        Chat chat = new Chat(ChatId.of(group + "@g.us"), ChatType.GROUP, group);
        return new Inbound(Message.text("m" + ids.incrementAndGet(), chat, new User(UserId.of(user), user), text,
                Instant.now()), admin);
    }

    /** Dispatches and waits for the framework's completion signal; returns the texts sent meanwhile. */
    public List<String> say(Inbound inbound) {
        int before = transport.sent().size();
        try {
            host.dispatcher().dispatch(inbound).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("dispatch did not complete", e);
        }
        return transport.sent().subList(before, transport.sent().size()).stream().map(SentMessage::text).toList();
    }

    public List<String> say(String user, String text) {
        return say(privateMessage(user, text));
    }

    @Override
    public void close() {
        host.stop();
    }
}
