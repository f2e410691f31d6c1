package dev.blacksky.core.whatsapp;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import it.auties.whatsapp.model.message.model.MediaMessage;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a download needs of a received media message, kept in {@code Content.Attachment.reference} (and so in
 * the journal): where the encrypted file is, its key, and which key derivation its kind uses.
 */
record MediaReference(String url, String keyName, byte[] mediaKey, byte[] encSha256) {

    private static final String MEDIA_HOST = "https://mmg.whatsapp.net";

    // The sender writes these fields: only WhatsApp's own media hosts are fetched, never an address of their choice.
    static Optional<MediaReference> of(MediaMessage<?> media) {
        Optional<String> url = media.mediaUrl().filter(MediaReference::onWhatsApp)
                .or(() -> media.mediaDirectPath().filter(path -> path.startsWith("/")).map(path -> MEDIA_HOST + path))
                .filter(MediaReference::onWhatsApp);
        Optional<String> keyName = media.attachmentType().keyName();
        if (url.isEmpty() || keyName.isEmpty() || media.mediaKey().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MediaReference(url.get(), keyName.get(), media.mediaKey().get(),
                media.mediaEncryptedSha256().orElse(null)));
    }

    static boolean onWhatsApp(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return "https".equals(uri.getScheme()) && uri.getUserInfo() == null && uri.getHost() != null
                    && (uri.getHost().equals("whatsapp.net") || uri.getHost().endsWith(".whatsapp.net"))
                    && (uri.getPort() == -1 || uri.getPort() == 443);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    String encode() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", url);
        json.put("keyName", keyName);
        json.put("key", Base64.getEncoder().encodeToString(mediaKey));
        if (encSha256 != null) {
            json.put("encSha256", Base64.getEncoder().encodeToString(encSha256));
        }
        return ConfigValueFactory.fromMap(json).render(ConfigRenderOptions.concise());
    }

    static MediaReference decode(String reference) {
        Config json = ConfigFactory.parseString(reference);
        return new MediaReference(json.getString("url"), json.getString("keyName"),
                Base64.getDecoder().decode(json.getString("key")),
                json.hasPath("encSha256") ? Base64.getDecoder().decode(json.getString("encSha256")) : null);
    }
}
