package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blacksky.core.connection.ClientListener;
import dev.blacksky.core.connection.ConnectionFailure;
import it.auties.whatsapp.controller.ControllerSerializer;
import it.auties.whatsapp.model.signal.auth.UserAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Cobalt up to the network boundary: a local proxy drops every link, as a dead network would. */
class CobaltClientTest {

    @TempDir
    Path folder;

    private final List<Object> reports = new CopyOnWriteArrayList<>();
    private final ClientListener listener = new ClientListener() {
        public void pairing() { reports.add("pairing"); }
        public void loggedIn() { reports.add("loggedIn"); }
        public void received() { }
        public void failed(ConnectionFailure failure) { reports.add(failure); }
    };

    private CobaltClient client(boolean paired, FaultProxy proxy) {
        var options = new CobaltClient.Options(UUID.randomUUID(), paired, ControllerSerializer.toProtobuf(folder),
                Optional.of(proxy.uri()), qr -> reports.add("qr"), new ClientRevision.Resolved("2.3000.1048032155", "test"),
                UserAgent.PlatformType.WEB);
        return new CobaltClient(options, listener, new StanzaClassifier(Clock.systemUTC()),
                message -> reports.add(message), node -> { });
    }

    @Test
    void a_dropped_link_fails_the_connect_as_a_network_error_and_goes_through_the_configured_proxy() throws Exception {
        try (FaultProxy proxy = new FaultProxy()) {
            CobaltClient client = client(false, proxy);
            var connect = client.connect().toCompletableFuture();
            assertThatThrownBy(() -> connect.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .satisfies(e -> assertThat(ConnectionFailure.of(e)).isInstanceOf(ConnectionFailure.NetworkError.class));
            assertThat(proxy.requests()).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("CONNECT web.whatsapp.com:443"));
            client.close();
            client.close();
            assertThat(reports).doesNotContain("loggedIn", "qr");
            // Cobalt writes nothing on disconnect; close() does, so a pairing survives the 515 restart.
            try (Stream<Path> written = Files.walk(folder)) {
                assertThat(written.map(p -> p.getFileName().toString())).contains("keys.proto", "store.proto");
            }
        }
    }

    @Test
    void a_paired_session_that_cannot_be_loaded_is_never_replaced_by_a_new_identity() throws Exception {
        try (FaultProxy proxy = new FaultProxy()) {
            CobaltClient client = client(true, proxy);
            var connect = client.connect().toCompletableFuture();
            assertThatThrownBy(() -> connect.get(10, TimeUnit.SECONDS)).hasMessageContaining("could not be loaded");
            assertThat(proxy.requests()).isEmpty();
            try (Stream<Path> written = Files.walk(folder)) {
                assertThat(written.filter(Files::isRegularFile)).isEmpty();
            }
            client.close();
        }
    }
}
