package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import dev.blacksky.api.event.BotEvent;
import dev.blacksky.core.connection.ClientListener;
import dev.blacksky.core.connection.ConnectionFailure;
import dev.blacksky.core.schedule.ManualTimeSource;
import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.CobaltFileCheck;
import dev.blacksky.core.session.SessionFlusher;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.session.SessionSettings;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.InboundSink;
import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.model.node.Node;
import it.auties.whatsapp.model.signal.auth.UserAgent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WhatsApp's {@code <failure reason="405">} through the real Cobalt client: the revision and platform it would
 * announce are the configured ones, and the 405, which Cobalt 0.0.10 treats as a logout and answers by deleting
 * the session, leaves the session byte for byte as it was.
 */
class ClientOutdatedTest {

    @TempDir
    Path data;

    private final List<Object> reports = new CopyOnWriteArrayList<>();

    private final ClientListener listener = new ClientListener() {
        public void pairing() { }
        public void loggedIn() { }
        public void received() { }
        public void failed(ConnectionFailure failure) { reports.add(failure); }
    };

    private WhatsAppTransport transport(SessionService session, String version, UserAgent.PlatformType platform,
                                        FaultProxy proxy) {
        var time = new ManualTimeSource(Instant.parse("2026-12-04T00:00:00Z"));
        var settings = new WhatsAppSettings(Optional.of(proxy.uri()), Duration.ofSeconds(30), Duration.ofMinutes(5), 10,
                Duration.ofSeconds(2), Duration.ofHours(1), version, platform);
        var transport = new WhatsAppTransport(session, new SessionFlusher(time, Duration.ofSeconds(15)), settings,
                time.clock(), new PairingCode(new PrintStream(new ByteArrayOutputStream()), data.resolve("qr.png")));
        transport.start(new InboundSink() {
            public java.util.concurrent.CompletionStage<Void> accept(Inbound message) {
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }
            public void event(BotEvent event) { }
            public void inputClosed() { }
        });
        return transport;
    }

    @Test
    void a_405_keeps_the_session_byte_for_byte_and_a_new_revision_resumes_it() throws Exception {
        AccountLayout layout = AccountLayout.of(data, "default");
        var session = new SessionService(layout, new SessionSettings("default", 3, 0), new CobaltFileCheck(), Clock.systemUTC());
        session.open();
        try (FaultProxy proxy = new FaultProxy()) {
            // A first start writes the session through the guarded serializer (the link itself fails at the proxy).
            WhatsAppTransport first = transport(session, "2.3000.1000000001", UserAgent.PlatformType.MACOS, proxy);
            CobaltClient client = (CobaltClient) first.create("default", listener);
            client.connect().toCompletableFuture().handle((ok, e) -> null).get(20, TimeUnit.SECONDS);
            client.flush();
            Whatsapp whatsapp = client.instance().orElseThrow();
            assertThat(whatsapp.store().version().toString()).as("what the handshake announces").isEqualTo("2.3000.1000000001");
            assertThat(whatsapp.store().device().platform()).isEqualTo(UserAgent.PlatformType.MACOS);
            assertThat(client.clientInfo()).contains("2.3000.1000000001", "MACOS", "blacksky.whatsapp.client-version");
            Map<String, String> before = checksums(layout.root());
            assertThat(before).containsKeys("cobalt/web/" + session.sessionDirs().getFirst().getFileName() + "/keys.proto");

            // WhatsApp's answer to an outdated revision, handed on where Cobalt's socket decoder hands every node on.
            deliver(whatsapp, Node.of("failure", Map.of("reason", "405", "location", "frc")));

            assertThat(reports).containsExactly(new ConnectionFailure.Outdated());
            client.close();
            assertThat(checksums(layout.root())).as("no byte of the session changed, nothing moved").isEqualTo(before);
            assertThat(layout.quarantine()).doesNotExist();

            // The next start, with a current revision, takes up the same session.
            WhatsAppTransport next = transport(session, "2.3000.1048032155", UserAgent.PlatformType.MACOS, proxy);
            CobaltClient resumed = (CobaltClient) next.create("default", listener);
            resumed.connect().toCompletableFuture().handle((ok, e) -> null).get(20, TimeUnit.SECONDS);
            Whatsapp again = resumed.instance().orElseThrow();
            assertThat(again.store().uuid()).isEqualTo(whatsapp.store().uuid());
            assertThat(again.store().version().toString()).isEqualTo("2.3000.1048032155");
            resumed.close();
        } finally {
            session.close();
        }
    }

    // Exactly what SocketHandler.decodeNodes does with each decoded node on a live link (the failure comes after
    // the handshake, which no local proxy can complete without WhatsApp's keys): listeners first, then Cobalt.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void deliver(Whatsapp whatsapp, Node node) throws Exception {
        Object socket = field(whatsapp, "socketHandler");
        var state = (java.util.concurrent.atomic.AtomicReference<Object>) field(socket, "state");
        state.set(Enum.valueOf((Class) state.get().getClass(), "CONNECTED"));
        Method listeners = socket.getClass().getDeclaredMethod("onNodeReceived", Node.class);
        listeners.setAccessible(true);
        listeners.invoke(socket, node);
        Object stream = field(socket, "streamHandler");
        Method digest = stream.getClass().getDeclaredMethod("digest", Node.class);
        digest.setAccessible(true);
        digest.invoke(stream, node);
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private static Map<String, String> checksums(Path root) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("session.lock"))
                    .toList()) {
                sums.put(root.relativize(file).toString(), Hashing.sha256().hashBytes(Files.readAllBytes(file)).toString());
            }
        }
        return sums;
    }
}
