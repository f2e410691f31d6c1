package dev.blacksky.core.transport.console;

import dev.blacksky.api.message.Media;
import dev.blacksky.api.message.MediaKind;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** How a message the bot sends reads on the console: media saved to a file and named, mentions listed. */
final class ConsoleOutput {

    private ConsoleOutput() {
    }

    static String render(OutgoingMessage message, String id, Path mediaFolder, boolean interactive) throws IOException {
        StringBuilder line = new StringBuilder();
        if (interactive && message.quote().isPresent()) {
            String quoted = message.quote().get().text();
            line.append("↪ ").append(message.quote().get().sender()).append(": ")
                    .append(quoted.length() > 40 ? quoted.substring(0, 40) + "…" : quoted).append('\n');
        }
        if (message.media().isPresent()) {
            Media media = message.media().get();
            Files.createDirectories(mediaFolder);
            String name = media.fileName().orElse(media.kind().label() + extension(media.mimeType()));
            Path file = mediaFolder.resolve(id + "-" + name.replaceAll("[^\\w.-]", "_"));
            media.copyTo(file);
            line.append(describe(media.kind(), name, Files.size(file))).append(" saved as ").append(file);
            if (!message.text().isEmpty()) {
                line.append('\n');
            }
        }
        line.append(message.poll().map(ConsoleOutput::poll).orElse(message.text()));
        if (!message.mentions().isEmpty()) {
            line.append(" [mentions: ").append(message.mentions().stream().map(UserId::value).collect(Collectors.joining(", ")))
                    .append(']');
        }
        return line.toString();
    }

    private static String poll(dev.blacksky.api.message.Poll poll) {
        StringBuilder text = new StringBuilder("[poll] ").append(poll.question());
        for (int i = 0; i < poll.options().size(); i++) {
            text.append("\n  ").append(i + 1).append(". ").append(poll.options().get(i));
        }
        return text.append("\n(:vote <number>... to vote)").toString();
    }

    /** One line for a piece of media, such as {@code [image cat.jpg 34 KB]}. */
    static String describe(MediaKind kind, String name, long size) {
        String shown = size < 1024 ? size + " B" : size < 1024 * 1024 ? (size + 512) / 1024 + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024));
        return "[" + kind.label() + " " + name + " " + shown + "]";
    }

    private static String extension(String mimeType) {
        return switch (mimeType.split(";")[0].trim()) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            case "video/mp4" -> ".mp4";
            case "audio/mpeg" -> ".mp3";
            case "audio/ogg" -> ".ogg";
            case "application/pdf" -> ".pdf";
            default -> ".bin";
        };
    }
}
