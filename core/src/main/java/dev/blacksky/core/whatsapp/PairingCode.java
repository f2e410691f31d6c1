package dev.blacksky.core.whatsapp;

import com.google.zxing.common.BitMatrix;
import it.auties.whatsapp.api.QrHandler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import dev.blacksky.core.storage.DurableFiles;
import javax.imageio.ImageIO;

/**
 * Shows a pairing QR code: drawn in the terminal with half blocks, and written as a PNG into the account's
 * folder for a headless host. The payload holds key material, so it goes to these two places and no log.
 */
public final class PairingCode {

    private final PrintStream terminal;
    private final Path png;
    private final Consumer<String> dashboard;

    public PairingCode(PrintStream terminal, Path png) {
        this(terminal, png, payload -> { });
    }

    /** @param dashboard also receives each code, for the dashboard's pairing panel */
    public PairingCode(PrintStream terminal, Path png, Consumer<String> dashboard) {
        this.terminal = terminal;
        this.png = png;
        this.dashboard = dashboard;
    }

    /** Says at start-up what to expect, so a terminal waiting for a reachable WhatsApp does not look hung. */
    public void announce(String account) {
        terminal.println("Connecting to WhatsApp as account '" + account + "'. If this device is not linked yet, a QR code");
        terminal.println("to scan appears here once WhatsApp answers. 'bin/blacksky status' shows every attempt.");
        terminal.flush();
    }

    /** Shows one code; each pairing attempt brings a fresh one. */
    public void show(String payload) {
        dashboard.accept(payload);
        BitMatrix matrix = QrHandler.createMatrix(payload, 10, 0);
        writePng(matrix);
        terminal.println("Scan this code with WhatsApp (Settings > Linked devices > Link a device),");
        terminal.println("or open " + png + ":");
        terminal.print(draw(matrix));
        terminal.flush();
    }

    /** Removes the PNG once paired: a stale code is useless and only confuses whoever finds it. */
    public void clear() {
        try {
            Files.deleteIfExists(png);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the old pairing QR code " + png, e);
        }
    }

    /** Two matrix rows per text line: the upper and lower half of a character cell. Dark modules are spaces. */
    static String draw(BitMatrix matrix) {
        int quiet = 2;
        StringBuilder out = new StringBuilder();
        for (int y = -quiet; y < matrix.getHeight() + quiet; y += 2) {
            for (int x = -quiet; x < matrix.getWidth() + quiet; x++) {
                boolean top = dark(matrix, x, y);
                boolean bottom = dark(matrix, x, y + 1);
                out.append(top ? (bottom ? ' ' : '▄') : (bottom ? '▀' : '█'));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static boolean dark(BitMatrix matrix, int x, int y) {
        return x >= 0 && y >= 0 && x < matrix.getWidth() && y < matrix.getHeight() && matrix.get(x, y);
    }

    private void writePng(BitMatrix matrix) {
        int scale = 8;
        int quiet = 4;
        int size = (matrix.getWidth() + 2 * quiet) * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean isDark = dark(matrix, x / scale - quiet, y / scale - quiet);
                image.setRGB(x, y, isDark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            DurableFiles.replace(png, bytes.toByteArray()); // readable by the bot's user only: it carries key material
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the pairing QR code to " + png, e);
        }
    }
}
