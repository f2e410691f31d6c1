package dev.blacksky.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountLockTest {

    @TempDir
    Path data;

    private AccountLayout account() {
        return AccountLayout.of(data, "default");
    }

    @Test
    void the_lock_file_names_pid_host_and_start_time() throws Exception {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        try (AccountLock lock = AccountLock.acquire(account(), now)) {
            LockOwner owner = AccountLock.readOwner(account().lockFile()).orElseThrow();
            assertThat(owner.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(owner.host()).isNotBlank();
            assertThat(owner.started()).isEqualTo(now);
            assertThat(AccountLock.isHeld(account())).isTrue();
        }
        assertThat(AccountLock.isHeld(account())).isFalse();
        assertThat(account().lockFile()).exists(); // released, not removed
    }

    @Test
    void looking_at_the_lock_from_the_process_that_holds_it_does_not_release_it() throws Exception {
        try (AccountLock lock = AccountLock.acquire(account(), Instant.now())) {
            assertThat(AccountLock.isHeld(account())).isTrue(); // closing a second descriptor would drop the OS lock
            assertThatThrownBy(() -> AccountLock.acquire(account(), Instant.now())).isInstanceOf(SessionLockedException.class);
            Process other = ChildJvm.start(LockHolderMain.class, data.toString());
            try {
                assertThat(other.waitFor(30, TimeUnit.SECONDS)).as("another process is refused at once").isTrue();
                assertThat(other.exitValue()).isEqualTo(4);
            } finally {
                other.destroyForcibly();
            }
        }
    }

    @Test
    void a_second_holder_in_the_same_jvm_is_refused_with_the_owner_named() {
        try (AccountLock first = AccountLock.acquire(account(), Instant.now())) {
            assertThatThrownBy(() -> AccountLock.acquire(account(), Instant.now()))
                    .isInstanceOf(SessionLockedException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("kill " + ProcessHandle.current().pid());
        }
    }

    @Test
    void a_stale_lock_file_from_a_dead_process_does_not_block() throws Exception {
        Files.createDirectories(account().root());
        Files.writeString(account().lockFile(), "pid=999999\nhost=elsewhere\nstarted=2020-01-01T00:00:00Z\n");
        try (AccountLock lock = AccountLock.acquire(account(), Instant.now())) {
            assertThat(AccountLock.readOwner(account().lockFile()).orElseThrow().pid())
                    .isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void account_names_cannot_escape_the_accounts_folder() {
        assertThatThrownBy(() -> AccountLayout.of(data, "../x")).hasMessageContaining("not a valid account name");
        assertThatThrownBy(() -> AccountLayout.of(data, "")).hasMessageContaining("not a valid account name");
    }

    @Test
    void two_processes_contend_and_the_second_is_refused_naming_the_first() throws Exception {
        Process first = ChildJvm.start(LockHolderMain.class, data.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).isEqualTo("locked " + first.pid());

            Process second = ChildJvm.start(LockHolderMain.class, data.toString());
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String refusal = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.exitValue()).isEqualTo(4);
            assertThat(refusal).contains("pid " + first.pid()).contains("kill " + first.pid());

            first.getOutputStream().close(); // the first one releases by exiting
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }
        // with the first one gone, its leftover file does not block anyone
        try (AccountLock lock = AccountLock.acquire(account(), Instant.now())) {
            assertThat(lock.owner().pid()).isEqualTo(ProcessHandle.current().pid());
        }
    }
}
