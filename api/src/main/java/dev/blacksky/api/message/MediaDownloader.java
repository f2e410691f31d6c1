package dev.blacksky.api.message;

import java.nio.file.Path;
import java.util.concurrent.CompletionStage;

/**
 * Fetches the bytes of a message's media, only when a plugin asks and never more than it allows. Reach it
 * through {@code PluginContext.media()}.
 *
 * <pre>{@code
 * if (ctx.message().content() instanceof Content.Attachment image && image.kind() == MediaKind.IMAGE) {
 *     Path file = context.media().download(ctx.message(), 5 * 1024 * 1024).toCompletableFuture().join();
 *     try { ... } finally { Files.deleteIfExists(file); }
 * }
 * }</pre>
 *
 * <p>The file lies in the host's temporary folder under the data folder; delete it when done (the host
 * empties that folder at each start).
 */
public interface MediaDownloader {

    /**
     * Downloads a message's media to a temporary file.
     *
     * @param message a message whose content is a {@link Content.Attachment}
     * @param maxBytes the most bytes to accept; a larger file fails the stage without being kept
     * @return a stage with the file
     */
    CompletionStage<Path> download(Message message, long maxBytes);
}
