package dev.blacksky.core.session;

import com.typesafe.config.Config;

/** The {@code blacksky.session} settings. */
public record SessionSettings(String account, int backupsToKeep, long minFreeBytes, java.time.Duration flushEvery) {

    /** With the default flush period of 15 s. */
    public SessionSettings(String account, int backupsToKeep, long minFreeBytes) {
        this(account, backupsToKeep, minFreeBytes, java.time.Duration.ofSeconds(15));
    }

    public SessionSettings {
        AccountLayout.checkName(account);
        if (backupsToKeep < 1) {
            throw new IllegalArgumentException("blacksky.session.backups.keep must be at least 1, not " + backupsToKeep);
        }
    }

    public static SessionSettings from(Config config) {
        return new SessionSettings(config.getString("blacksky.account"),
                config.getInt("blacksky.session.backups.keep"),
                config.getBytes("blacksky.session.min-free-space"),
                dev.blacksky.core.config.ConfigRanges.positive(config, "blacksky.session.flush-every"));
    }

    /** The same settings for another account (the CLI's {@code --account}). */
    public SessionSettings withAccount(String name) {
        return name == null ? this : new SessionSettings(name, backupsToKeep, minFreeBytes, flushEvery);
    }
}
