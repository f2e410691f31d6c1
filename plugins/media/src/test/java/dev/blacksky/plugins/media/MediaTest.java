package dev.blacksky.plugins.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.blacksky.api.message.MediaKind;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.testkit.BlackskyTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MediaTest {

    @RegisterExtension
    BlackskyTest bot = BlackskyTest.plugin("media", QrCode.class);

    @Test
    void qr_answers_with_a_png_that_decodes_back_to_the_text() throws Exception {
        var exchange = bot.user("alice").says("!qr hello wörld").expectReply("QR code for: hello wörld");
        OutgoingMessage reply = exchange.messages().getFirst();
        assertThat(reply.media()).hasValueSatisfying(m -> {
            assertThat(m.kind()).isEqualTo(MediaKind.IMAGE);
            assertThat(m.mimeType()).isEqualTo("image/png");
        });
        assertThat(decode(exchange.media())).isEqualTo("hello wörld");
    }

    @Test
    void qr_refuses_texts_too_long_for_a_readable_code() {
        bot.user("alice").says("!qr " + "x".repeat(501)).expectReply("That is 501 characters; a QR code here holds at most 500.");
    }

    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
