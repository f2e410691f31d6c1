package dev.blacksky.core.transport;

import dev.blacksky.api.message.Content;
import dev.blacksky.api.message.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Downloads for the local transports, whose media references are files on this machine. */
public final class LocalMedia {

    private LocalMedia() {
    }

    /** Copies the message's media file to {@code target}, failing once more than {@code maxBytes} were read. */
    public static CompletionStage<Void> copy(Message message, Path target, long maxBytes) {
        if (!(message.content() instanceof Content.Attachment attachment)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("message " + message.id() + " carries no media"));
        }
        try (InputStream in = Files.newInputStream(Path.of(attachment.reference()));
             OutputStream out = Files.newOutputStream(target)) {
            Bounded.copy(in, out, maxBytes);
            return CompletableFuture.completedFuture(null);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Stream copies that stop at a size limit. */
    public static final class Bounded {

        private Bounded() {
        }

        /** Copies until the end, or throws once more than {@code maxBytes} came. */
        public static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new IOException("the media is larger than the " + maxBytes + " bytes allowed");
                }
                out.write(buffer, 0, n);
            }
            return total;
        }
    }
}
