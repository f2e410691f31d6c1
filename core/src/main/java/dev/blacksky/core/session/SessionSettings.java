package dev.blacksky.core.session;

import com.typesafe.config.Config;

/** The {@code blacksky.session} settings. */
public record SessionSettings(String account, int backupsToKeep, long minFreeBytes) {

    public SessionSettings {
        AccountLayout.checkName(account);
        if (backupsToKeep < 1) {
            throw new IllegalArgumentException("blacksky.session.backups.keep must be at least 1, not " + backupsToKeep);
        }
    }

    public static SessionSettings from(Config config) {
        return new SessionSettings(config.getString("blacksky.account"),
                config.getInt("blacksky.session.backups.keep"),
                config.getBytes("blacksky.session.min-free-space"));
    }

    /** The same settings for another account (the CLI's {@code --account}). */
    public SessionSettings withAccount(String name) {
        return name == null ? this : new SessionSettings(name, backupsToKeep, minFreeBytes);
    }
}
