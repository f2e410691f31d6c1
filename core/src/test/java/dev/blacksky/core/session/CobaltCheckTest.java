package dev.blacksky.core.session;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class CobaltCheckTest {

    @Test
    void medias_links_against_the_aspose_stub() {
        assertThatCode(CobaltCheck::verify).doesNotThrowAnyException();
    }
}
