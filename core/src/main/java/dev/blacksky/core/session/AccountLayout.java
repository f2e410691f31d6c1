package dev.blacksky.core.session;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where one account's session lives: {@code <data>/accounts/<name>/} with the lock file, Cobalt's folder,
 * backups and quarantine side by side, so that quarantining Cobalt's folder never touches the lock.
 */
public record AccountLayout(String name, Path root) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public static AccountLayout of(Path data, String name) {
        checkName(name);
        return new AccountLayout(name, data.resolve("accounts").resolve(name).toAbsolutePath().normalize());
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid account name: use 1 to 64 letters,"
                    + " digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    public Path lockFile() {
        return root.resolve("session.lock");
    }

    /** Cobalt's base folder; its files sit in {@code web/<uuid>/}. */
    public Path cobalt() {
        return root.resolve("cobalt");
    }

    public Path backups() {
        return root.resolve("backups");
    }

    public Path quarantine() {
        return root.resolve("quarantine");
    }
}
