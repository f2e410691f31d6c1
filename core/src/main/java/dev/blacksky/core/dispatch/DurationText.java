package dev.blacksky.core.dispatch;

import java.time.Duration;

/** Durations as users read them in replies: "7s", "2m 5s", "1h 30m", rounded up to whole seconds. */
public final class DurationText {

    private DurationText() {
    }

    public static String of(Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        return minutes < 60 ? minutes + "m " + seconds % 60 + "s" : minutes / 60 + "h " + minutes % 60 + "m";
    }
}
