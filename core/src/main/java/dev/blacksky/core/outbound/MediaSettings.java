package dev.blacksky.core.outbound;

import com.typesafe.config.Config;
import dev.blacksky.api.message.Media;
import dev.blacksky.api.message.MediaKind;
import dev.blacksky.core.config.ConfigRanges;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code blacksky.media}: the size limit per kind, checked before anything is queued, and the folder where
 * queued media waits for its send (the account's {@code outbox-media/}), and where downloads go.
 */
public record MediaSettings(Map<MediaKind, Long> maxSize, Path spool, Path downloads) {

    public static MediaSettings from(Config config, Path accountFolder) {
        Map<MediaKind, Long> limits = new EnumMap<>(MediaKind.class);
        for (MediaKind kind : MediaKind.values()) {
            String key = "blacksky.media.max-size." + kind.label();
            limits.put(kind, ConfigRanges.positiveBytes(config, key));
        }
        return new MediaSettings(Map.copyOf(limits), accountFolder.resolve("outbox-media"), accountFolder.resolve("downloads"));
    }

    /** Refuses media over its kind's limit, or that cannot be read, in words that name the key. */
    void check(Media media) {
        long size = media.size();
        long limit = maxSize.get(media.kind());
        if (size > limit) {
            throw new IllegalArgumentException("the " + media + " is " + size + " bytes, more than the " + limit
                    + " allowed for " + media.kind().label() + " (blacksky.media.max-size." + media.kind().label() + ")");
        }
        if (size == 0) {
            throw new IllegalArgumentException("the " + media + " is empty");
        }
    }
}
