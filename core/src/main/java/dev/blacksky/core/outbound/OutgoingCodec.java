package dev.blacksky.core.outbound;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import dev.blacksky.api.message.Media;
import dev.blacksky.api.message.MediaKind;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.Poll;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.UserId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an outbox row keeps of a message besides its text, as JSON: mentions, quote, poll, the spooled media file. */
final class OutgoingCodec {

    private OutgoingCodec() {
    }

    /** Null for a plain text message, so the common row stays as small as before. */
    static String encode(OutgoingMessage message, String id) {
        if (message.mentions().isEmpty() && message.quote().isEmpty() && message.media().isEmpty() && message.poll().isEmpty()) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mentions", message.mentions().stream().map(UserId::value).toList());
        message.quote().ifPresent(q -> json.put("quote", Map.of("id", q.messageId(), "sender", q.sender().value(),
                "text", q.text())));
        message.media().ifPresent(m -> {
            Map<String, Object> media = new LinkedHashMap<>();
            media.put("kind", m.kind().name());
            media.put("file", id + "/" + m.fileName().orElseThrow());
            media.put("mime", m.mimeType());
            json.put("media", media);
        });
        message.poll().ifPresent(p -> json.put("poll", Map.of("question", p.question(), "options", p.options())));
        return ConfigValueFactory.fromMap(json).render(ConfigRenderOptions.concise());
    }

    /** The message again; its media file is looked up in {@code spool}. */
    static OutgoingMessage decode(String text, String extra, Path spool) {
        if (extra == null) {
            return OutgoingMessage.text(text);
        }
        Config json = ConfigFactory.parseString(extra);
        List<UserId> mentions = json.getStringList("mentions").stream().map(UserId::of).toList();
        Optional<QuotedMessage> quote = json.hasPath("quote") ? Optional.of(new QuotedMessage(json.getString("quote.id"),
                UserId.of(json.getString("quote.sender")), json.getString("quote.text"))) : Optional.empty();
        Optional<Media> media = json.hasPath("media") ? Optional.of(Media.of(MediaKind.valueOf(json.getString("media.kind")),
                spool.resolve(json.getString("media.file"))).withMimeType(json.getString("media.mime"))) : Optional.empty();
        Optional<Poll> poll = json.hasPath("poll") ? Optional.of(new Poll(json.getString("poll.question"),
                json.getStringList("poll.options"))) : Optional.empty();
        return new OutgoingMessage(text, mentions, quote, media, poll);
    }
}
