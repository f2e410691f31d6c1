package dev.blacksky.api.message;

/**
 * The kinds of media WhatsApp carries, each with its own size limit ({@code blacksky.media.max-size.<kind>}).
 *
 * <pre>{@code
 * ctx.reply(OutgoingMessage.of(Media.of(MediaKind.DOCUMENT, Path.of("report.pdf"))));
 * }</pre>
 */
public enum MediaKind {
    /** A photo or picture: JPEG, PNG or WebP. */
    IMAGE,
    /** A video clip, normally MP4. */
    VIDEO,
    /** An audio file, shown with a player. */
    AUDIO,
    /** A voice note, shown as if recorded on the phone: Opus in Ogg. */
    VOICE,
    /** Any file, shown with its name. */
    DOCUMENT,
    /** A sticker: a 512x512 WebP image. */
    STICKER;

    /**
     * Returns the lower-case name used in configuration keys and console output.
     *
     * @return for example {@code "image"}
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
