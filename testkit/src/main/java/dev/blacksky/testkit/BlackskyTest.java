package dev.blacksky.testkit;

import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.event.MemberLeftEvent;
import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.Blacksky;
import dev.blacksky.core.BotHost;
import dev.blacksky.core.HostOptions;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.plugin.PluginFailure;
import dev.blacksky.core.schedule.ManualTimeSource;
import dev.blacksky.core.transport.GroupChange;
import dev.blacksky.core.transport.simulated.SentMessage;
import dev.blacksky.core.dispatch.Dispatcher;
import dev.blacksky.core.transport.simulated.SimulatedTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Blacksky host for a plugin test: the simulated transport, a manual clock, fresh storage per test,
 * and your plugin loaded through the real PF4J path (its classes are packed into a plugin JAR first).
 *
 * <pre>{@code
 * class RollTest {
 *     @RegisterExtension
 *     BlackskyTest bot = BlackskyTest.plugin("moderation", Roll.class).config("plugins.moderation.max-sides = 6");
 *
 *     @Test
 *     void roll_has_a_cooldown_per_user() {
 *         bot.user("alice").says("!roll").expectReplyContaining("rolled");
 *         bot.user("alice").says("!roll").expectReply("Slow down: !roll can be used again in 10s.");
 *         bot.advance(Duration.ofSeconds(10));
 *         bot.user("alice").says("!roll").expectReplyContaining("rolled");
 *     }
 * }
 * }</pre>
 *
 * <p>Register it as an instance field with {@code @RegisterExtension}: each test gets its own host, started
 * before the test and stopped after it. The user {@code "owner"} is an owner; everybody else is not unless
 * {@link #owners} says so.
 */
public final class BlackskyTest implements BeforeEachCallback, AfterEachCallback {

    private final List<PluginSource> plugins = new ArrayList<>();
    private final StringBuilder config = new StringBuilder();
    private final List<String> owners = new ArrayList<>(List.of("owner"));
    private Instant start = Instant.parse("2026-01-01T09:00:00Z");
    private Path folder;
    private ManualTimeSource time;
    private final List<String> accounts = new ArrayList<>(); // empty: the one account blacksky.account names
    private final Map<String, SimulatedTransport> transports = new java.util.LinkedHashMap<>();
    private SimulatedTransport transport; // the first account's
    private BotHost host;

    private sealed interface PluginSource permits FromClassPath, FromJar {
    }

    private record FromClassPath(String id, Class<?> anyClass) implements PluginSource {
    }

    private record FromJar(Path jar) implements PluginSource {
    }

    private BlackskyTest() {
    }

    /**
     * A test of the plugin whose compiled classes include {@code anyClassOfThePlugin} (its class-path root,
     * typically {@code target/classes}, is packed into a plugin JAR with the given id).
     *
     * @param pluginId the plugin id, which also names its configuration subtree {@code plugins.<id>}
     * @param anyClassOfThePlugin any class of the plugin, usually the extension under test
     * @return the extension, to configure further
     */
    public static BlackskyTest plugin(String pluginId, Class<?> anyClassOfThePlugin) {
        return new BlackskyTest().and(pluginId, anyClassOfThePlugin);
    }

    /**
     * A test of the plugin whose compiled classes include {@code anyClassOfThePlugin}, its id read from the
     * {@code plugins.<id>} section of the {@code reference.conf} beside those classes.
     *
     * <pre>{@code
     * @RegisterExtension
     * BlackskyTest bot = BlackskyTest.plugin(Remind.class);
     * }</pre>
     *
     * @param anyClassOfThePlugin any class of the plugin, usually the extension under test
     * @return the extension, to configure further
     * @throws IllegalArgumentException if the id cannot be read: give it with {@link #plugin(String, Class)}
     */
    public static BlackskyTest plugin(Class<?> anyClassOfThePlugin) {
        return plugin(PluginJars.idOf(anyClassOfThePlugin), anyClassOfThePlugin);
    }

    /**
     * A test of a built plugin JAR, exactly as it will be deployed.
     *
     * @param jar the plugin JAR, for example {@code Path.of("target/my-plugin-1.0.jar")}
     * @return the extension, to configure further
     */
    public static BlackskyTest pluginJar(Path jar) {
        return new BlackskyTest().andJar(jar);
    }

    /**
     * Loads another plugin from the class path too.
     *
     * @param pluginId its id
     * @param anyClassOfThePlugin any of its classes
     * @return this
     */
    public BlackskyTest and(String pluginId, Class<?> anyClassOfThePlugin) {
        plugins.add(new FromClassPath(pluginId, anyClassOfThePlugin));
        return this;
    }

    /**
     * Loads another built plugin JAR too.
     *
     * @param jar the JAR
     * @return this
     */
    public BlackskyTest andJar(Path jar) {
        plugins.add(new FromJar(jar));
        return this;
    }

    /**
     * Adds configuration (HOCON), for example {@code "plugins.notes.max-notes = 2"}.
     *
     * @param hocon configuration text
     * @return this
     */
    public BlackskyTest config(String hocon) {
        config.append(hocon).append('\n');
        return this;
    }

    /**
     * Runs several WhatsApp accounts ({@code blacksky.accounts}), each on a simulated WhatsApp of its own. A speaker
     * talks to the first unless told {@link Speaker#via}; {@link #advance} reports every account's sends, each line
     * starting with {@code [account] }.
     *
     * <pre>{@code
     * @RegisterExtension
     * BlackskyTest bot = BlackskyTest.plugin(Remind.class).accounts("sales", "support");
     *
     * bot.user("alice").via("support").says("!remind 10m tea").expectReplyContaining("OK");
     * assertThat(bot.advance(Duration.ofMinutes(10))).containsExactly("[support] alice: ⏰ Reminder for @alice: tea");
     * }</pre>
     *
     * @param names the accounts' names, in order
     * @return this
     */
    public BlackskyTest accounts(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("name at least one account");
        }
        accounts.clear();
        accounts.addAll(List.of(names));
        return this;
    }

    /**
     * Replaces the owners (default: the single user {@code "owner"}).
     *
     * @param userIds the owners' ids
     * @return this
     */
    public BlackskyTest owners(String... userIds) {
        owners.clear();
        owners.addAll(List.of(userIds));
        return this;
    }

    /**
     * Sets the clock's start (default 2026-01-01T09:00:00Z).
     *
     * @param instant when the test starts
     * @return this
     */
    public BlackskyTest startingAt(Instant instant) {
        this.start = instant;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("blacksky-test");
        time = new ManualTimeSource(start);
        Path pluginsFolder = Files.createDirectories(folder.resolve("plugins"));
        for (PluginSource source : plugins) {
            switch (source) {
                case FromClassPath c -> PluginJars.fromClassPath(c.id(), c.anyClass(), pluginsFolder);
                case FromJar j -> PluginJars.copy(j.jar(), pluginsFolder.resolve(j.jar().getFileName()));
            }
        }
        String accountList = accounts.isEmpty() ? "" : "blacksky.accounts = "
                + accounts.stream().map(name -> "{ name = \"" + name + "\" }").toList() + "\n";
        Files.writeString(folder.resolve("test.conf"), "blacksky.owners = " + quoted(owners) + "\n" + accountList + config);
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void start() {
        HostOptions options = new HostOptions(folder, new ConfigSources(null, List.of(folder.resolve("test.conf")), Map.of()),
                folder.resolve("data"), folder.resolve("plugins"), null, time);
        transports.clear();
        if (accounts.isEmpty()) {
            transport = new SimulatedTransport();
            host = Blacksky.create(options, transport);
        } else {
            accounts.forEach(name -> transports.put(name, new SimulatedTransport()));
            transport = transports.get(accounts.getFirst());
            host = Blacksky.create(options, transports);
        }
        host.start();
    }

    private void stop() {
        if (host != null) {
            host.stop();
            host = null;
        }
    }

    /**
     * Stops the host and starts a new one on the same data, plugins and clock: to check what survives.
     */
    public void restart() {
        stop();
        start();
    }

    /**
     * Speaks as a user, in a private chat with the bot by default.
     *
     * @param userId the user's id, such as {@code "alice"} or {@code "391234567890"}
     * @return a speaker, to choose the chat and send messages
     */
    public Speaker user(String userId) {
        return new Speaker(this, UserId.of(userId), userId, null, false);
    }

    /**
     * Speaks as the default owner, {@code "owner"}.
     *
     * @return a speaker
     */
    public Speaker owner() {
        return user("owner");
    }

    /**
     * Moves the clock forward, running every scheduled task that falls due, in order; cooldowns age too.
     *
     * <pre>{@code
     * assertThat(bot.advance(Duration.ofMinutes(10))).containsExactly("alice: ⏰ Reminder for @alice: tea");
     * }</pre>
     *
     * @param duration how far
     * @return what the bot sent meanwhile, as {@code "<chat id>: <text>"}
     */
    public List<String> advance(Duration duration) {
        if (accounts.isEmpty()) {
            int before = transport.sent().size();
            time.advance(duration);
            return texts(before);
        }
        Map<String, Integer> before = new java.util.LinkedHashMap<>();
        transports.forEach((name, t) -> before.put(name, t.sent().size()));
        time.advance(duration);
        List<String> texts = new ArrayList<>();
        transports.forEach((name, t) -> t.sent().subList(before.get(name), t.sent().size())
                .forEach(m -> texts.add("[" + name + "] " + m.chat().value() + ": " + m.text())));
        return texts;
    }

    private List<String> texts(int since) {
        return sentSince(since).stream().map(m -> m.chat().value() + ": " + m.text()).toList();
    }

    /**
     * Returns the current time of the test's clock.
     *
     * @return now
     */
    public Instant now() {
        return time.now();
    }

    /**
     * A user joins a group: listeners get a {@code MemberJoinedEvent}.
     *
     * @param group the group's name
     * @param userId who joins
     * @return what the bot sent in answer, as {@code "<chat id>: <text>"}
     */
    public List<String> join(String group, String userId) {
        int before = transport.sent().size();
        Chat chat = groupChat(group);
        transport.groups().ensureMember(chat.id(), group, UserId.of(userId));
        await(host.dispatcher().publish(new MemberJoinedEvent(chat, UserId.of(userId), now())));
        return texts(before);
    }

    /**
     * A user leaves a group: listeners get a {@code MemberLeftEvent}.
     *
     * @param group the group's name
     * @param userId who leaves
     * @return what the bot sent in answer, as {@code "<chat id>: <text>"}
     */
    public List<String> leave(String group, String userId) {
        int before = transport.sent().size();
        Chat chat = groupChat(group);
        transport.groups().apply(chat.id(), new GroupChange.Remove(UserId.of(userId)), now());
        await(host.dispatcher().publish(new MemberLeftEvent(chat, UserId.of(userId), now())));
        return texts(before);
    }

    /**
     * A group as the simulated WhatsApp keeps it: its members, admins and subject, to set up and to check.
     * The bot is its admin unless {@link TestGroup#botIsAdmin} says otherwise.
     *
     * <pre>{@code
     * bot.group("team").withMembers("alice", "bob").withAdmins("alice");
     * bot.user("alice").in("team").says("!kick bob").expectReplyContaining("Removed");
     * assertThat(bot.group("team").members()).doesNotContain("bob");
     * }</pre>
     *
     * @param name the group's name (its chat id is {@code <name>@g.us})
     * @return the group
     */
    public TestGroup group(String name) {
        return new TestGroup(this, name);
    }

    /**
     * Returns every text the bot sent so far, to any chat, in order, as {@code "<chat id>: <text>"}.
     *
     * @return the sent messages
     */
    public List<String> sent() {
        return transport.sent().stream().map(m -> m.chat().value() + ": " + m.text()).toList();
    }

    /**
     * Returns what failed to load, one line per skipped plugin JAR with its reason.
     *
     * @return the failures, empty when every plugin started
     */
    public List<String> pluginFailures() {
        return host.plugins().failures().stream().map(PluginFailure::describe).toList();
    }

    /**
     * The escape hatch: the running host itself, for what this class does not offer.
     *
     * @return the host
     */
    public BotHost unsafeHost() {
        return host;
    }

    SimulatedTransport transport() {
        return transport;
    }

    // The simulated WhatsApp of an account; null: the first.
    SimulatedTransport transport(String account) {
        if (account == null) {
            return transport;
        }
        SimulatedTransport named = transports.get(account);
        if (named == null) {
            throw new IllegalArgumentException("There is no account '" + account + "' in this test; "
                    + (accounts.isEmpty() ? "declare them with BlackskyTest.accounts(...)" : "it runs " + accounts));
        }
        return named;
    }

    Dispatcher dispatcher(String account) {
        if (account == null) {
            return host.dispatcher();
        }
        transport(account); // a clear error for an unknown name
        return host.accounts().named(account).orElseThrow().dispatcher();
    }

    BotHost host() {
        return host;
    }

    Chat groupChat(String group) {
        return groupChat(null, group);
    }

    Chat groupChat(String account, String group) {
        return transport(account).groups().chat(ChatId.of(group + "@g.us"), group);
    }

    static void await(java.util.concurrent.CompletableFuture<?> done) {
        try {
            done.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the bot did not finish handling the message within 30 s", e);
        }
    }

    List<SentMessage> sentSince(int index) {
        return sentSince(null, index);
    }

    List<SentMessage> sentSince(String account, int index) {
        List<SentMessage> all = transport(account).sent();
        return all.subList(index, all.size());
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\"", "\\\"") + "\"").toList().toString();
    }

}
