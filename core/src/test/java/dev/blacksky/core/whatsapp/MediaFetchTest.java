package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import it.auties.whatsapp.model.media.MediaKeys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot's own media download, against a local server standing in for WhatsApp's media host. */
class MediaFetchTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private volatile byte[] served;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/media", exchange -> {
            exchange.sendResponseHeaders(200, served.length);
            exchange.getResponseBody().write(served);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    // Encrypted as WhatsApp does: AES-CBC with the derived key and iv, then 10 bytes of HMAC-SHA256(iv || ciphertext).
    private MediaReference upload(byte[] plain) throws Exception {
        MediaKeys keys = MediaKeys.random("WhatsApp Image Keys");
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.cipherKey(), "AES"), new IvParameterSpec(keys.iv()));
        byte[] ciphertext = cipher.doFinal(plain);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.macKey(), "HmacSHA256"));
        mac.update(keys.iv());
        byte[] tag = Arrays.copyOf(mac.doFinal(ciphertext), 10);
        served = new byte[ciphertext.length + 10];
        System.arraycopy(ciphertext, 0, served, 0, ciphertext.length);
        System.arraycopy(tag, 0, served, ciphertext.length, 10);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/media/abc.enc";
        return new MediaReference(url, "WhatsApp Image Keys", keys.mediaKey(), MessageDigest.getInstance("SHA-256").digest(served));
    }

    @Test
    void downloads_and_decrypts_what_whatsapp_encrypted() throws Exception {
        byte[] plain = "a picture's bytes, 34 KB in real life".getBytes(StandardCharsets.UTF_8);
        MediaReference reference = MediaReference.decode(upload(plain).encode()); // as the journal keeps it
        Path target = tmp.resolve("out");
        new MediaFetch(Optional.empty()).download(reference, target, 1024);
        assertThat(Files.readAllBytes(target)).isEqualTo(plain);
    }

    @Test
    void a_file_larger_than_allowed_is_refused_without_being_kept() throws Exception {
        MediaReference reference = upload(new byte[4096]);
        Path target = tmp.resolve("out");
        assertThatThrownBy(() -> new MediaFetch(Optional.empty()).download(reference, target, 1000))
                .hasMessageContaining("larger than the 1000 bytes allowed");
        assertThat(target).doesNotExist();
    }

    @Test
    void a_tampered_file_fails_its_integrity_check() throws Exception {
        MediaReference reference = upload(new byte[100]);
        served[3] ^= 1;
        MediaReference withoutChecksum = new MediaReference(reference.url(), reference.keyName(), reference.mediaKey(), null);
        assertThatThrownBy(() -> new MediaFetch(Optional.empty()).download(withoutChecksum, tmp.resolve("out"), 1000))
                .hasMessageContaining("integrity check");
        assertThatThrownBy(() -> new MediaFetch(Optional.empty()).download(reference, tmp.resolve("out"), 1000))
                .hasMessageContaining("checksum");
    }
}
