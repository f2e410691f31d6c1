package dev.blacksky.core.storage;

import com.typesafe.config.Config;

/** The {@code blacksky.storage} settings. */
public record StorageSettings(String file, long maxValueBytes) {

    public static StorageSettings from(Config config) {
        return new StorageSettings(config.getString("blacksky.storage.file"),
                config.getBytes("blacksky.storage.max-value-size"));
    }
}
