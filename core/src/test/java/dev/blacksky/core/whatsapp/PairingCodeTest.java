package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairingCodeTest {

    @TempDir
    Path folder;

    @Test
    void a_code_is_drawn_in_the_terminal_and_written_as_a_png_that_goes_once_paired() throws Exception {
        var terminal = new ByteArrayOutputStream();
        Path png = folder.resolve("accounts/default/pairing-qr.png");
        PairingCode code = new PairingCode(new PrintStream(terminal, true, StandardCharsets.UTF_8), png);

        code.show("2@ref,noise,identity,companion,1");

        String drawn = terminal.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("Linked devices").contains(png.toString()).contains("▀").contains("▄")
                .doesNotContain("2@ref");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isGreaterThan(100);
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).as("a light quiet zone").isEqualTo(0xFFFFFF);

        code.clear();
        assertThat(png).doesNotExist();
    }
}
