package dev.blacksky.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokenTest {

    @TempDir
    Path data;

    @Test
    void is_made_once_owner_only_and_rotation_invalidates_the_old_one_and_its_csrf_value() throws IOException {
        AccessToken token = AccessToken.of(data);
        assertThat(token.ensure()).isTrue();
        assertThat(token.ensure()).as("kept across starts").isFalse();
        assertThat(Files.getPosixFilePermissions(token.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String first = token.value();
        String csrf = token.csrf();
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(token.matches(first)).isTrue();
        assertThat(token.matches(first + "x")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();

        // Another process (the CLI) rotates it: this instance notices at the next check.
        String second = AccessToken.of(data).rotate();
        assertThat(second).isNotEqualTo(first);
        assertThat(token.matches(first)).isFalse();
        assertThat(token.matches(second)).isTrue();
        assertThat(token.csrf()).isNotEqualTo(csrf).isNotEqualTo(second);
    }
}
