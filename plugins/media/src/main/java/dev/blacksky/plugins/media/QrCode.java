package dev.blacksky.plugins.media;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandException;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.message.Media;
import dev.blacksky.api.message.OutgoingMessage;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.pf4j.Extension;

/** {@code !qr <text>}: answers with a PNG of a QR code holding the text, scannable by any phone camera. */
@Extension
public final class QrCode implements Command {

    static final Argument<String> TEXT = Argument.rest("text", "what the code should hold: a link, a Wi-Fi login, any text");

    private final int size;
    private final int maxLength;

    @Inject
    public QrCode(PluginContext context) {
        this.size = context.config().getInt("qr-size");
        this.maxLength = context.config().getInt("qr-max-length");
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("qr").description("Makes a QR code of a text").category("Media").argument(TEXT)
                .example("qr https://example.org").build();
    }

    @Override
    public void execute(CommandContext ctx) throws CommandException {
        String text = ctx.args().get(TEXT);
        if (text.length() > maxLength) {
            throw new CommandException("That is " + text.length() + " characters; a QR code here holds at most " + maxLength + ".");
        }
        byte[] png = png(text, size);
        ctx.reply(OutgoingMessage.of(Media.image(png, "image/png").named("qr.png")).withText("QR code for: " + text));
    }

    static byte[] png(String text, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode this text as a QR code: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
