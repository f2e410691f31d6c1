package dev.blacksky.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * What an incoming message carries besides its text (a caption counts as text).
 *
 * <pre>{@code
 * switch (ctx.message().content()) {
 *     case Content.Attachment a when a.kind() == MediaKind.IMAGE -> ctx.reply("Nice picture (" + a.size() + " bytes)");
 *     case Content.Location l -> ctx.reply("You are at " + l.latitude() + ", " + l.longitude());
 *     default -> { } // keep a default: new kinds may be added
 * }
 * }</pre>
 */
public sealed interface Content {

    /** Plain text, the most common content. */
    Content TEXT = new Text();

    /**
     * Returns the kind's name: {@code text}, {@code image}, {@code video}, {@code audio}, {@code voice},
     * {@code document}, {@code sticker}, {@code location}, {@code contact}, or another kind's own name.
     *
     * @return the name
     */
    String kindName();

    /** Plain text. */
    record Text() implements Content {
        @Override
        public String kindName() {
            return "text";
        }
    }

    /**
     * Media: its bytes stay on WhatsApp's servers until a plugin asks for them with
     * {@code PluginContext.media().download(message, maxBytes)}.
     *
     * @param kind what it is
     * @param mimeType its MIME type
     * @param size its size in bytes, as the sender declared it
     * @param fileName its file name, for documents
     * @param reference what the transport needs to download it; opaque
     */
    record Attachment(MediaKind kind, String mimeType, long size, Optional<String> fileName, String reference)
            implements Content {

        /** Checks the components. */
        public Attachment {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(mimeType, "mimeType");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(reference, "reference");
        }

        @Override
        public String kindName() {
            return kind.label();
        }
    }

    /**
     * A shared location.
     *
     * @param latitude degrees north
     * @param longitude degrees east
     * @param name the place's name; may be empty
     */
    record Location(double latitude, double longitude, String name) implements Content {
        /** Checks the components. */
        public Location {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String kindName() {
            return "location";
        }
    }

    /**
     * A shared contact card.
     *
     * @param displayName the contact's name
     * @param vcard the vCard text; may be empty
     */
    record Contact(String displayName, String vcard) implements Content {
        /** Checks the components. */
        public Contact {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(vcard, "vcard");
        }

        @Override
        public String kindName() {
            return "contact";
        }
    }

    /**
     * A kind the api does not model yet (a poll, a live location, ...), so listeners still see it.
     *
     * @param kind the transport's name for it
     */
    record Other(String kind) implements Content {
        /** Checks the component. */
        public Other {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String kindName() {
            return kind;
        }
    }
}
