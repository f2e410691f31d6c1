package dev.blacksky.core.whatsapp;

import it.auties.whatsapp.model.media.MediaKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Downloads and decrypts received media, bounded while it reads. Cobalt 0.0.10's own download always fails (its
 * length check cannot pass with padding), so the bot does it itself with Cobalt's key derivation: the file is
 * AES-CBC ciphertext followed by the first 10 bytes of HMAC-SHA256(macKey, iv || ciphertext).
 */
final class MediaFetch {

    private static final int MAC_LENGTH = 10;

    private final HttpClient http;

    MediaFetch(Optional<URI> proxy) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL);
        proxy.ifPresent(p -> builder.proxy(ProxySelector.of(new InetSocketAddress(p.getHost(), p.getPort()))));
        this.http = builder.build();
    }

    /** Writes the plaintext to {@code target}; fails once the encrypted file is larger than {@code maxBytes} allows. */
    void download(MediaReference reference, Path target, long maxBytes) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(reference.url()))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] file;
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("WhatsApp's media server answered HTTP " + response.statusCode());
            }
            // Ciphertext is at most one block longer than the plaintext, plus the MAC.
            file = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 16 + MAC_LENGTH + 1));
            if (file.length > maxBytes + 16 + MAC_LENGTH) {
                throw new IOException("the media is larger than the " + maxBytes + " bytes allowed");
            }
        }
        Files.write(target, decrypt(reference, file));
    }

    static byte[] decrypt(MediaReference reference, byte[] file) throws IOException {
        if (file.length <= MAC_LENGTH) {
            throw new IOException("the media file is truncated");
        }
        MediaKeys keys = MediaKeys.of(reference.mediaKey(), reference.keyName());
        byte[] ciphertext = Arrays.copyOfRange(file, 0, file.length - MAC_LENGTH);
        byte[] mac = Arrays.copyOfRange(file, file.length - MAC_LENGTH, file.length);
        try {
            if (reference.encSha256() != null
                    && !MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(file), reference.encSha256())) {
                throw new IOException("the media file does not match its checksum");
            }
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(keys.macKey(), "HmacSHA256"));
            hmac.update(keys.iv());
            byte[] expected = Arrays.copyOf(hmac.doFinal(ciphertext), MAC_LENGTH);
            if (!MessageDigest.isEqual(expected, mac)) {
                throw new IOException("the media file fails its integrity check");
            }
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.cipherKey(), "AES"), new IvParameterSpec(keys.iv()));
            return cipher.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IOException("the media file cannot be decrypted: " + e.getMessage(), e);
        }
    }
}
