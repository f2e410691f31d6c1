package dev.blacksky.core.http;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, content type, body and any extra headers. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static Response json(int status, Object value) {
        String text = ConfigValueFactory.fromAnyRef(value).render(ConfigRenderOptions.concise());
        return new Response(status, "application/json; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Response text(int status, String contentType, String body) {
        return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A JSON body {@code {"error": message}}. */
    static Response error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    Response with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Response(status, contentType, body, more);
    }
}
