package dev.blacksky.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this api, which plugins name in their {@code Plugin-Requires} descriptor entry.
 *
 * <pre>{@code
 * Plugin-Requires: >=0.1.0 & <1.0.0
 * }</pre>
 *
 * <p>The api follows semantic versioning: a plugin built against {@code 0.1.x} runs on every host whose
 * api version satisfies the range it declares.
 */
public final class ApiVersion {

    private static final String VERSION = read();

    private ApiVersion() {
    }

    /**
     * Returns the api version of the running host, for example {@code "0.1.0"}.
     *
     * @return the semantic version of {@code blacksky-api}
     */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = ApiVersion.class.getResourceAsStream("api-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("api-version.properties is missing from blacksky-api");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
