package dev.blacksky.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.core.account.HostedAccount;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.connection.simulated.SimulatedClients;
import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.AccountLock;
import dev.blacksky.core.plugin.TestPluginJar;
import dev.blacksky.core.plugin.fixtures.AccountEcho;
import dev.blacksky.core.plugin.fixtures.Hello;
import dev.blacksky.core.transport.simulated.SentMessage;
import dev.blacksky.core.transport.simulated.SimulatedTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiAccountTest {

    private static final String TWO = """
            blacksky.accounts = [
              { name = sales, transport = simulated }
              { name = support, transport = simulated, plugins = [echoes] }
            ]
            """;

    @TempDir
    Path folder;
    private BotHost host;

    @BeforeEach
    void plugins() throws IOException {
        Files.createDirectories(folder.resolve("plugins"));
        TestPluginJar.plugin(folder.resolve("plugins"), "echoes").extension(AccountEcho.Where.class)
                .extension(AccountEcho.Relay.class).write();
        TestPluginJar.plugin(folder.resolve("plugins"), "hello").extension(Hello.class).write();
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.stop();
        }
    }

    @Test
    void each_account_answers_through_itself_and_serves_only_its_plugins() throws IOException {
        start(TWO);
        assertThat(say("sales", "alice", "!where")).containsExactly("here is sales (context: sales of [sales, support])");
        assertThat(say("support", "bob", "!where")).containsExactly("here is support (context: support of [sales, support])");
        assertThat(say("sales", "alice", "!hello")).singleElement().asString().startsWith("hello from");
        assertThat(say("support", "bob", "!hello")).singleElement().asString().startsWith("Unknown command !hello");
        assertThat(say("support", "bob", "!help")).singleElement().asString().contains("!where").doesNotContain("!hello");
        assertThat(transport("sales").sent()).extracting(m -> m.chat().value()).containsOnly("alice");
        assertThat(transport("support").sent()).extracting(m -> m.chat().value()).containsOnly("bob");
    }

    @Test
    void a_plugin_serves_and_sees_only_the_accounts_that_list_it() throws IOException {
        start("""
                blacksky.accounts = [
                  { name = sales, transport = simulated, plugins = [hello] }
                  { name = support, transport = simulated, plugins = [echoes] }
                ]
                """);
        assertThat(say("support", "bob", "!where")).containsExactly("here is support (context: support of [support])");
        assertThat(say("sales", "alice", "!where")).singleElement().asString().startsWith("Unknown command !where");
        assertThat(say("support", "bob", "!relay sales carol hi")).containsExactly(
                "Plugin 'echoes' does not serve an account 'sales'; it serves [support]");
    }

    @Test
    void a_plugin_sends_through_an_account_it_names_and_is_told_the_ones_it_serves() throws IOException {
        start(TWO);
        int before = transport("support").sent().size();
        assertThat(say("sales", "alice", "!relay support carol hi there")).containsExactly("relayed");
        await().untilAsserted(() -> assertThat(transport("support").sent().subList(before, transport("support").sent().size()))
                .extracting(SentMessage::text).containsExactly("hi there"));
        assertThat(say("sales", "alice", "!relay nowhere carol hi")).containsExactly(
                "Plugin 'echoes' does not serve an account 'nowhere'; it serves [sales, support]");
    }

    @Test
    void one_accounts_logout_quarantines_its_session_alone_and_the_other_answers_on() throws IOException {
        start(TWO);
        Path supportSession = folder.resolve("data/accounts/support/session.lock");
        assertThat(supportSession).exists();
        account("sales").injector().getInstance(SimulatedClients.class).loggedOut();
        await().atMost(Duration.ofSeconds(20)).until(() -> state("sales") == ConnectionState.LOGGED_OUT);
        assertThat(state("support")).isEqualTo(ConnectionState.CONNECTED);
        assertThat(say("support", "bob", "!where")).containsExactly("here is support (context: support of [sales, support])");
        assertThat(folder.resolve("data/accounts/support/quarantine")).doesNotExist();
    }

    @Test
    void an_account_whose_session_is_broken_stays_stopped_and_named_while_the_other_runs() throws IOException {
        Path web = Files.createDirectories(folder.resolve("data/accounts/sales/cobalt/web/00000000-0000-4000-8000-000000000001"));
        Files.write(web.resolve("keys.proto"), new byte[0]);
        Files.write(web.resolve("store.proto"), new byte[0]);
        host = Blacksky.create(options(TWO.replace("{ name = sales, transport = simulated }",
                "{ name = sales, transport = whatsapp }")));
        host.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> state("sales") == ConnectionState.SESSION_CORRUPT);
        await().atMost(Duration.ofSeconds(20)).until(() -> state("support") == ConnectionState.CONNECTED);
        assertThat(say("support", "bob", "!where")).hasSize(1);
        assertThat(web.resolve("keys.proto")).exists(); // kept as it was, for a person to look at
    }

    @Test
    void an_account_another_process_holds_is_reported_and_the_others_start() throws IOException {
        try (AccountLock held = AccountLock.acquire(AccountLayout.of(folder.resolve("data"), "sales"), Instant.now())) {
            host = Blacksky.create(options(TWO));
            host.start();
            assertThat(host.accounts().failure("sales")).contains("pid " + ProcessHandle.current().pid());
            assertThat(host.accounts().failure("support")).isNull();
            await().atMost(Duration.ofSeconds(20)).until(() -> state("support") == ConnectionState.CONNECTED);
            assertThat(say("support", "bob", "!where")).hasSize(1);
            host.stop();
            assertThat(AccountLock.isHeld(AccountLayout.of(folder.resolve("data"), "sales"))).as("not released by the host")
                    .isTrue();
        }
    }

    @Test
    void an_account_stopped_alone_runs_again_afresh_while_the_other_answers_throughout() throws IOException {
        start(TWO);
        HostedAccount first = account("sales");
        host.stopAccountAtOnce("sales");
        assertThat(host.runs("sales")).isFalse();
        assertThat(say("support", "bob", "!where")).hasSize(1);
        host.startAccount("sales");
        HostedAccount second = account("sales");
        assertThat(second).isNotSameAs(first);
        await().atMost(Duration.ofSeconds(20)).until(() -> state("sales") == ConnectionState.CONNECTED);
        assertThat(say("sales", "alice", "!where")).containsExactly("here is sales (context: sales of [sales, support])");
        io.micrometer.core.instrument.MeterRegistry meters = host.injector()
                .getInstance(io.micrometer.core.instrument.MeterRegistry.class);
        assertThat(meters.get("blacksky.connection.state").tags("account", "sales", "state", "CONNECTED").gauge().value())
                .as("the fresh account's connection, not the stopped one's").isEqualTo(1);
        assertThat(meters.get("blacksky.outbox.queued").tags("account", "sales").gauge().value()).isZero();
        assertThat(meters.get("blacksky.messages.received").tags("account", "sales").counter().count()).isEqualTo(1);
    }

    @Test
    void when_another_bot_holds_every_account_start_up_stops_naming_it_as_with_one() throws IOException {
        Path data = folder.resolve("data");
        try (AccountLock sales = AccountLock.acquire(AccountLayout.of(data, "sales"), Instant.now());
             AccountLock support = AccountLock.acquire(AccountLayout.of(data, "support"), Instant.now())) {
            BotHost refused = Blacksky.create(options(TWO));
            assertThatThrownBy(refused::start).isInstanceOf(dev.blacksky.core.session.SessionLockedException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            refused.stop();
        }
    }

    @Test
    void without_blacksky_accounts_the_one_account_is_blacksky_account_as_before() throws IOException {
        start("blacksky.transport = simulated\nblacksky.account = solo");
        assertThat(host.accounts().plans().names()).containsExactly("solo");
        assertThat(say("solo", "alice", "!where")).containsExactly("here is solo (context: solo of [solo])");
    }

    private void start(String config) throws IOException {
        host = Blacksky.create(options(config));
        host.start();
        for (HostedAccount account : host.accounts().all()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> state(account.name()) == ConnectionState.CONNECTED);
        }
    }

    private HostOptions options(String config) throws IOException {
        Path conf = Files.writeString(folder.resolve("test.conf"), config);
        return new HostOptions(folder, new ConfigSources(null, List.of(conf), Map.of()), folder.resolve("data"),
                folder.resolve("plugins"), null, Clock.systemUTC());
    }

    private HostedAccount account(String name) {
        return host.accounts().named(name).orElseThrow();
    }

    private SimulatedTransport transport(String account) {
        return (SimulatedTransport) account(account).transport();
    }

    private ConnectionState state(String account) {
        return account(account).connections().supervisor().orElseThrow().status().state();
    }

    // Delivers as the network would and waits for the replies that message brought.
    private List<String> say(String account, String user, String text) {
        SimulatedTransport transport = transport(account);
        int before = transport.sent().size();
        transport.deliver(TestHost.privateMessage(user, text));
        await().atMost(Duration.ofSeconds(10)).until(() -> transport.sent().size() > before);
        account(account).dispatcher().barrier(TestHost.privateMessage(user, "").message().chat().id()).join();
        return transport.sent().subList(before, transport.sent().size()).stream().map(SentMessage::text).toList();
    }
}
