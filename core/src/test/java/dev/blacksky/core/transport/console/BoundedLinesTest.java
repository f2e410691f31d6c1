package dev.blacksky.core.transport.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

    @Test
    void a_line_longer_than_the_limit_keeps_one_character_more_and_the_next_line_is_read_whole() throws IOException {
        BoundedLines lines = new BoundedLines(new StringReader("x".repeat(1_000_000) + "\n!ping\r\nlast"), 10);
        assertThat(lines.next()).isEqualTo("x".repeat(11));
        assertThat(lines.next()).isEqualTo("!ping");
        assertThat(lines.next()).isEqualTo("last");
        assertThat(lines.next()).isNull();
    }
}
