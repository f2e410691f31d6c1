package dev.blacksky.core.inbound;

import dev.blacksky.api.message.Content;
import dev.blacksky.api.message.MediaDownloader;
import dev.blacksky.api.message.Message;
import dev.blacksky.core.outbound.MediaSettings;
import dev.blacksky.core.transport.Transport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/** Media downloads into the account's {@code downloads/} folder, bounded before and while they run; emptied at each start. */
@Singleton
public final class MediaDownloads implements MediaDownloader {

    private final Transport transport;
    private final Path folder;

    @Inject
    public MediaDownloads(Transport transport, MediaSettings settings) {
        this.transport = transport;
        this.folder = settings.downloads();
    }

    /** Deletes what earlier runs left behind. */
    public void clear() throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Override
    public CompletionStage<Path> download(Message message, long maxBytes) {
        if (!(message.content() instanceof Content.Attachment attachment)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("message " + message.id()
                    + " carries no media to download (its content is " + message.content().kindName() + ")"));
        }
        if (attachment.size() > maxBytes) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("the " + attachment.kindName() + " is "
                    + attachment.size() + " bytes, more than the " + maxBytes + " allowed"));
        }
        Path target;
        try {
            Files.createDirectories(folder);
            target = folder.resolve(UUID.randomUUID() + "-" + attachment.fileName().orElse(attachment.kindName())
                    .replaceAll("[^\\w.-]", "_"));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletionStage<Void> done;
        try {
            done = transport.download(message, target, maxBytes);
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        return done.handle((ok, error) -> {
            if (error != null) {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException ignored) {
                    // the folder is emptied at the next start
                }
                throw error instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(error);
            }
            return target;
        });
    }
}
