package dev.blacksky.api.message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A picture, video, audio clip, voice note, document or sticker to send, from a file or from bytes.
 *
 * <pre>{@code
 * ctx.reply(OutgoingMessage.of(Media.image(png, "image/png")).withText("Your QR code"));
 * ctx.reply(OutgoingMessage.of(Media.of(MediaKind.DOCUMENT, Path.of("report.pdf")).named("May report.pdf")));
 * }</pre>
 *
 * <p>The host checks the size against {@code blacksky.media.max-size.<kind>} before anything is queued
 * and copies the content to its own folder, so the file may change or go once the send was accepted.
 */
public final class Media {

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"), Map.entry("webp", "image/webp"),
            Map.entry("gif", "image/gif"), Map.entry("mp4", "video/mp4"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg; codecs=opus"), Map.entry("opus", "audio/ogg; codecs=opus"),
            Map.entry("m4a", "audio/mp4"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"),
            Map.entry("zip", "application/zip"));

    private final MediaKind kind;
    private final Path file;
    private final byte[] bytes;
    private final String mimeType;
    private final String fileName;

    private Media(MediaKind kind, Path file, byte[] bytes, String mimeType, String fileName) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.file = file;
        this.bytes = bytes;
        this.mimeType = Objects.requireNonNull(mimeType, "mimeType");
        this.fileName = fileName;
    }

    /**
     * Media from a file; the MIME type is guessed from the file's extension ({@link #withMimeType} to set it).
     *
     * @param kind what it is
     * @param file the file
     * @return the media, named after the file
     */
    public static Media of(MediaKind kind, Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName().toString();
        return new Media(kind, file, null, guessType(name), name);
    }

    /**
     * Media from bytes.
     *
     * @param kind what it is
     * @param bytes the content; copied
     * @param mimeType its MIME type, such as {@code "image/png"}
     * @return the media, without a file name
     */
    public static Media of(MediaKind kind, byte[] bytes, String mimeType) {
        return new Media(kind, null, bytes.clone(), mimeType, null);
    }

    /**
     * An image from a file.
     *
     * @param file a JPEG, PNG or WebP file
     * @return the media
     */
    public static Media image(Path file) {
        return of(MediaKind.IMAGE, file);
    }

    /**
     * An image from bytes.
     *
     * @param bytes the encoded image
     * @param mimeType such as {@code "image/png"}
     * @return the media
     */
    public static Media image(byte[] bytes, String mimeType) {
        return of(MediaKind.IMAGE, bytes, mimeType);
    }

    /**
     * The same media under another file name (shown for documents).
     *
     * @param name the file name, such as {@code "report.pdf"}
     * @return a copy with that name
     */
    public Media named(String name) {
        return new Media(kind, file, bytes, mimeType, Objects.requireNonNull(name, "name"));
    }

    /**
     * The same media with another MIME type.
     *
     * @param type such as {@code "application/pdf"}
     * @return a copy with that type
     */
    public Media withMimeType(String type) {
        return new Media(kind, file, bytes, type, fileName);
    }

    /** @return what it is */
    public MediaKind kind() {
        return kind;
    }

    /** @return its MIME type */
    public String mimeType() {
        return mimeType;
    }

    /** @return its file name, if it has one */
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    /**
     * Returns its size.
     *
     * @return the size in bytes
     * @throws UncheckedIOException if the file cannot be read
     */
    public long size() {
        try {
            return bytes != null ? bytes.length : Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Opens the content for reading.
     *
     * @return a stream over the bytes; close it
     * @throws IOException if the file cannot be opened
     */
    public java.io.InputStream open() throws IOException {
        return bytes != null ? new java.io.ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    /**
     * Writes the content to {@code target}, replacing it.
     *
     * @param target where to write
     * @throws IOException if reading or writing fails
     */
    public void copyTo(Path target) throws IOException {
        if (bytes != null) {
            Files.write(target, bytes);
        } else {
            Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String guessType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    @Override
    public String toString() {
        return kind.label() + " " + (fileName != null ? fileName : mimeType);
    }
}
