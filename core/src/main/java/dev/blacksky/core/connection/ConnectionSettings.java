package dev.blacksky.core.connection;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/** The {@code blacksky.connection} policy numbers, read eagerly so a bad value stops start-up. */
public record ConnectionSettings(
        String account,
        Duration connectTimeout,
        Duration pairingTimeout,
        Duration backoffBase,
        Duration backoffFloor,
        Duration backoffCap,
        Duration longOutageAfter,
        Duration longOutageCap,
        Duration serviceUnavailableFloor,
        Duration restartDelay,
        Duration stableAfter,
        int breakerDisconnects,
        Duration breakerWindow,
        int breakerFailedConnects,
        Duration breakerOpenFor,
        Duration probeAfter,
        Duration reconnectAfterSilence,
        int badSessionLimit,
        Duration badSessionWindow,
        Duration replacedLatchWindow,
        Duration temporaryBanBuffer,
        Duration historyKeep) {

    public static ConnectionSettings from(Config config) {
        Config c = config.getConfig("blacksky.connection");
        String account = config.getString("blacksky.account");
        if (!account.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ConfigException.BadValue(config.getValue("blacksky.account").origin(), "blacksky.account",
                    "must be a folder-safe name (letters, digits, '.', '_', '-'), got \"" + account + "\"");
        }
        ConnectionSettings settings = new ConnectionSettings(account,
                c.getDuration("connect-timeout"),
                c.getDuration("pairing-timeout"),
                c.getDuration("backoff.base"),
                c.getDuration("backoff.floor"),
                c.getDuration("backoff.cap"),
                c.getDuration("backoff.long-outage-after"),
                c.getDuration("backoff.long-outage-cap"),
                c.getDuration("backoff.service-unavailable-floor"),
                c.getDuration("restart-required-delay"),
                c.getDuration("stable-after"),
                c.getInt("breaker.disconnects"),
                c.getDuration("breaker.window"),
                c.getInt("breaker.failed-connects"),
                c.getDuration("breaker.open-for"),
                c.getDuration("liveness.probe-after"),
                c.getDuration("liveness.reconnect-after"),
                c.getInt("bad-session.limit"),
                c.getDuration("bad-session.window"),
                c.getDuration("replaced-latch-window"),
                c.getDuration("temporary-ban-buffer"),
                c.getDuration("history-keep"));
        if (settings.probeAfter.compareTo(settings.reconnectAfterSilence) >= 0) {
            throw new ConfigException.BadValue(c.getValue("liveness.probe-after").origin(),
                    "blacksky.connection.liveness.probe-after", "must be shorter than liveness.reconnect-after");
        }
        if (settings.backoffBase.isZero() || settings.backoffBase.isNegative()) {
            throw new ConfigException.BadValue(c.getValue("backoff.base").origin(), "blacksky.connection.backoff.base",
                    "must be positive");
        }
        return settings;
    }
}
