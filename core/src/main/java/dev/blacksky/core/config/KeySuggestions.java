package dev.blacksky.core.config;

import com.typesafe.config.Config;
import java.util.LinkedHashSet;
import java.util.Set;

/** Suggests the closest known name for a mistyped one: a configuration key, a command ("did you mean ...?"). */
public final class KeySuggestions {

    private KeySuggestions() {
    }

    public static String didYouMean(String unknown, Config known, String root) {
        Set<String> candidates = new LinkedHashSet<>();
        for (var entry : known.entrySet()) {
            String path = root + "." + entry.getKey();
            candidates.add(path);
            for (int dot = path.lastIndexOf('.'); dot > root.length(); dot = path.lastIndexOf('.', dot - 1)) {
                candidates.add(path.substring(0, dot));
            }
        }
        return closest(unknown, candidates).map(best -> " (did you mean " + best + "?)").orElse("");
    }

    /** The candidate closest to {@code unknown}, if one is close enough to be what was meant. */
    public static java.util.Optional<String> closest(String unknown, java.util.Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(unknown, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // A short word two edits away from another is a different word, not a typo of it.
        int allowed = unknown.length() <= 4 ? 1 : Math.max(2, unknown.length() / 5);
        return best != null && bestDistance <= allowed ? java.util.Optional.of(best) : java.util.Optional.empty();
    }

    // Levenshtein distance; keys are short, so the quadratic table is fine.
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
