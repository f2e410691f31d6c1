package dev.blacksky.core.http;

import dev.blacksky.core.storage.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard's access token, in {@code <data>/http-token} (owner-only). Made on first start, replaced by
 * {@code blacksky http token --rotate}; a running bot sees a rotated token at the next request.
 */
public final class AccessToken {

    public static final String FILE = "http-token";

    private final Path file;
    private String token;
    private FileTime readAt;

    private AccessToken(Path file) {
        this.file = file;
    }

    /** The token of the data folder {@code data}. */
    public static AccessToken of(Path data) {
        return new AccessToken(data.resolve(FILE));
    }

    public Path file() {
        return file;
    }

    /** Makes the token if there is none yet; true if it was made now. */
    public synchronized boolean ensure() {
        if (Files.isRegularFile(file)) {
            return false;
        }
        rotate();
        return true;
    }

    /** Replaces the token with a new random one, atomically, and returns it. */
    public synchronized String rotate() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            DurableFiles.replace(file, (fresh + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dashboard's access token to " + file, e);
        }
        token = null;
        return fresh;
    }

    /** The current token, read again whenever the file changed. */
    public synchronized String value() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (token == null || !modified.equals(readAt)) {
                token = Files.readString(file, StandardCharsets.US_ASCII).strip();
                readAt = modified;
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dashboard's access token " + file
                    + "; 'blacksky http token --rotate' makes a new one", e);
        }
    }

    /** Whether {@code offered} is the token, compared in constant time. */
    public boolean matches(String offered) {
        return offered != null && !offered.isEmpty() && MessageDigest.isEqual(
                offered.getBytes(StandardCharsets.UTF_8), value().getBytes(StandardCharsets.UTF_8));
    }

    /** The anti-forgery value pages send back with every change: derived from the token, useless without it. */
    public String csrf() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("blacksky-csrf".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
