package dev.blacksky.core.inbound;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import dev.blacksky.api.message.Content;
import dev.blacksky.api.message.MediaKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A message's content as the journal keeps it: JSON, or null for plain text (the common row stays small). */
final class ContentCodec {

    private ContentCodec() {
    }

    static String encode(Content content) {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (content) {
            case Content.Text t -> {
                return null;
            }
            case Content.Attachment a -> {
                json.put("kind", a.kind().name());
                json.put("mime", a.mimeType());
                json.put("size", a.size());
                a.fileName().ifPresent(name -> json.put("name", name));
                json.put("ref", a.reference());
            }
            case Content.Location l -> {
                json.put("kind", "location");
                json.put("lat", l.latitude());
                json.put("lon", l.longitude());
                json.put("name", l.name());
            }
            case Content.Contact c -> {
                json.put("kind", "contact");
                json.put("name", c.displayName());
                json.put("vcard", c.vcard());
            }
            case Content.Other o -> {
                json.put("kind", "other");
                json.put("name", o.kind());
            }
        }
        return ConfigValueFactory.fromMap(json).render(ConfigRenderOptions.concise());
    }

    static Content decode(String text) {
        if (text == null) {
            return Content.TEXT;
        }
        Config json = ConfigFactory.parseString(text);
        return switch (json.getString("kind")) {
            case "location" -> new Content.Location(json.getDouble("lat"), json.getDouble("lon"), json.getString("name"));
            case "contact" -> new Content.Contact(json.getString("name"), json.getString("vcard"));
            case "other" -> new Content.Other(json.getString("name"));
            default -> new Content.Attachment(MediaKind.valueOf(json.getString("kind")), json.getString("mime"),
                    json.getLong("size"), json.hasPath("name") ? Optional.of(json.getString("name")) : Optional.empty(),
                    json.getString("ref"));
        };
    }
}
