package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.auties.whatsapp.model.node.Node;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ServerAcksTest {

    private final ServerAcks acks = new ServerAcks(Duration.ofMinutes(1));

    @Test
    void a_message_ack_confirms_its_send_and_nothing_else() {
        var first = acks.expect("3EB0AAA");
        var second = acks.expect("3EB0BBB");
        acks.learn(Node.of("ack", Map.of("class", "receipt", "id", "3EB0AAA"), (Object) null));
        acks.learn(Node.of("ack", Map.of("class", "message", "id", "3EB0AAA"), (Object) null));
        assertThat(first).isCompleted();
        assertThat(second).isNotDone();
        assertThat(acks.pending()).isEqualTo(1);
    }

    @Test
    void an_ack_with_an_error_fails_the_send() {
        var send = acks.expect("3EB0CCC");
        acks.learn(Node.of("ack", Map.of("class", "message", "id", "3EB0CCC", "error", "479"), (Object) null));
        assertThatThrownBy(send::join).hasMessageContaining("error 479");
    }

    @Test
    void without_an_ack_the_send_times_out_and_is_forgotten() {
        ServerAcks quick = new ServerAcks(Duration.ofMillis(50));
        var send = quick.expect("3EB0DDD");
        assertThatThrownBy(() -> send.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(quick.pending()).isZero();
    }
}
