package dev.blacksky.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/** Reads numbers that must lie in a range, failing with the key and its origin (file and line) otherwise. */
public final class ConfigRanges {

    private ConfigRanges() {
    }

    public static int atLeast(Config config, String path, int min) {
        int value = config.getInt(path);
        if (value < min) {
            throw bad(config, path, "must be at least " + min + ", got " + value);
        }
        return value;
    }

    public static int between(Config config, String path, int min, int max) {
        int value = config.getInt(path);
        if (value < min || value > max) {
            throw bad(config, path, "must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    public static Duration positive(Config config, String path) {
        Duration value = config.getDuration(path);
        if (value.isNegative() || value.isZero()) {
            throw bad(config, path, "must be longer than zero, got " + value);
        }
        return value;
    }

    public static double fraction(Config config, String path) {
        double value = config.getDouble(path);
        if (!(value > 0 && value <= 1)) {
            throw bad(config, path, "must be more than 0 and at most 1, got " + value);
        }
        return value;
    }

    public static double positiveNumber(Config config, String path) {
        double value = config.getDouble(path);
        if (!(value > 0)) {
            throw bad(config, path, "must be more than 0, got " + value);
        }
        return value;
    }

    public static long positiveBytes(Config config, String path) {
        long value = config.getBytes(path);
        if (value <= 0) {
            throw bad(config, path, "must be more than 0 bytes, got " + value);
        }
        return value;
    }

    private static ConfigException bad(Config config, String path, String problem) {
        return new ConfigException.BadValue(config.getValue(path).origin(), path, problem);
    }
}
