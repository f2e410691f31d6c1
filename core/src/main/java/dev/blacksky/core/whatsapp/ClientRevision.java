package dev.blacksky.core.whatsapp;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which WhatsApp Web revision to announce: the configured one, or with "latest" the one web.whatsapp.com
 * names, falling back to this release's default (never Cobalt's long-expired one) when the lookup fails.
 */
final class ClientRevision {

    /** The newest revision known when this release was built; reference.conf carries the same value. */
    static final String SHIPPED = "2.3000.1048032155";
    private static final Logger log = LoggerFactory.getLogger(ClientRevision.class);
    private static final Pattern REVISION = Pattern.compile("\"client_revision\":(\\d+)");

    /** The revision and where it came from, as {@code blacksky status} shows it. */
    record Resolved(String version, String source) {
    }

    private ClientRevision() {
    }

    static Resolved resolve(String configured, Optional<URI> proxy, URI page) {
        if (!configured.equals("latest")) {
            return new Resolved(configured, "set by " + WhatsAppSettings.CLIENT_VERSION);
        }
        try {
            HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
            proxy.ifPresent(p -> client.proxy(ProxySelector.of(new InetSocketAddress(p.getHost(), p.getPort()))));
            HttpResponse<String> answer = client.build().send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10))
                    .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36").build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = REVISION.matcher(answer.body());
            if (answer.statusCode() == 200 && matcher.find()) {
                return new Resolved("2.3000." + matcher.group(1), "looked up at " + page.getHost());
            }
            return failed("HTTP " + answer.statusCode() + (answer.statusCode() == 200 ? " without a revision" : ""));
        } catch (java.io.IOException | RuntimeException e) {
            return failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        }
    }

    private static Resolved failed(String why) {
        String source = "the lookup of the current revision failed (" + why + "); using this release's " + SHIPPED
                + ". If WhatsApp answers 405, set " + WhatsAppSettings.CLIENT_VERSION + " to the current revision";
        log.warn("WhatsApp Web revision: {}", source);
        return new Resolved(SHIPPED, source);
    }
}
