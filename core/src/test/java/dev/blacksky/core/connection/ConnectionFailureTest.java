package dev.blacksky.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ConnectionFailureTest {

    @Test
    void a_name_that_does_not_resolve_says_so_instead_of_a_bare_connect_exception() {
        // What Cobalt's connect future fails with on a machine without a network.
        var offline = new CompletionException(new ConnectException().initCause(new UnresolvedAddressException()));
        assertThat(ConnectionFailure.of(offline).describe())
                .isEqualTo("network error: the server's name does not resolve (no network or no DNS)");
    }

    @Test
    void other_network_errors_name_the_outer_and_the_root_cause() {
        var dropped = new ConnectException("proxy").initCause(new IOException("HTTP/1.1 header parser received no bytes"));
        assertThat(ConnectionFailure.of(dropped).describe())
                .isEqualTo("network error: ConnectException: proxy <- IOException: HTTP/1.1 header parser received no bytes");
        assertThat(ConnectionFailure.of(new IOException("reset")).describe()).isEqualTo("network error: IOException: reset");
    }
}
