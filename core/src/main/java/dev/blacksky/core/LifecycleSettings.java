package dev.blacksky.core;

import com.typesafe.config.Config;
import java.time.Duration;

/** How the host starts and stops ({@code blacksky.shutdown}). */
public record LifecycleSettings(Duration drainTimeout) {

    public static LifecycleSettings from(Config config) {
        return new LifecycleSettings(config.getDuration("blacksky.shutdown.drain-timeout"));
    }
}
