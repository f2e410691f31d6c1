package dev.blacksky.core.outbound;

import dev.blacksky.api.message.Media;
import dev.blacksky.api.message.OutgoingMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Queued media waits here, a folder per message, not in memory or in the outbox's rows. */
final class MediaSpool {

    private final Path folder;

    MediaSpool(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** The message with its media copied under {@code id}; a message without media as it is. */
    OutgoingMessage hold(String id, OutgoingMessage message) {
        if (message.media().isEmpty()) {
            return message;
        }
        Media media = message.media().get();
        try {
            Path dir = Files.createDirectories(folder.resolve(id));
            String name = media.fileName().orElse(media.kind().label()).replaceAll("[^\\w. -]", "_");
            Path file = dir.resolve(name.isBlank() || name.startsWith(".") ? media.kind().label() : name);
            media.copyTo(file);
            return new OutgoingMessage(message.text(), message.mentions(), message.quote(),
                    java.util.Optional.of(Media.of(media.kind(), file).withMimeType(media.mimeType())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the " + media + " in " + folder + " until it is sent", e);
        }
    }

    /** Deletes the media of every message but {@code ids}: what a run that died midway left behind. */
    void keepOnly(java.util.Set<String> ids) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(folder)) {
            dirs.filter(dir -> !ids.contains(dir.getFileName().toString())).forEach(dir -> release(dir.getFileName().toString()));
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(MediaSpool.class).warn("Cannot tidy the media folder {}", folder, e);
        }
    }

    /** Deletes a sent message's media. */
    void release(String id) {
        Path dir = folder.resolve(id);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(MediaSpool.class).warn("Cannot delete the sent media in {}", dir, e);
        }
    }
}
