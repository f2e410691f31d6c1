package dev.blacksky.core.http;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The {@code blacksky.http} section.
 *
 * @param tokenRequired false only where nothing but this machine can connect (checked at start-up)
 */
public record HttpSettings(boolean enabled, String host, int port, boolean tokenRequired) {

    public static HttpSettings from(Config config) {
        Config c = config.getConfig("blacksky.http");
        String auth = c.getString("auth");
        if (!auth.equals("token") && !auth.equals("none")) {
            throw new ConfigException.BadValue(c.getValue("auth").origin(), "blacksky.http.auth",
                    "must be \"token\" or \"none\", got \"" + auth + "\"");
        }
        int port = c.getInt("port");
        if (port < 0 || port > 65535) {
            throw new ConfigException.BadValue(c.getValue("port").origin(), "blacksky.http.port",
                    "must be a port number from 0 to 65535, got " + port);
        }
        HttpSettings settings = new HttpSettings(c.getBoolean("enabled"), c.getString("host"), port, auth.equals("token"));
        if (settings.enabled && !settings.tokenRequired && !loopback(settings.host)) {
            throw new ConfigException.BadValue(c.getValue("auth").origin(), "blacksky.http.auth",
                    "is \"none\" while blacksky.http.host = \"" + settings.host + "\" is reachable from other machines;"
                    + " use auth = token, or bind to 127.0.0.1 (and put a reverse proxy with its own login in front)");
        }
        return settings;
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
