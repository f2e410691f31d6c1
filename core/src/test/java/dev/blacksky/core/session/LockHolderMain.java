package dev.blacksky.core.session;

import java.nio.file.Path;
import java.time.Instant;

/** Child process for the contention test: takes the account lock, says so, holds it until stdin closes. */
public final class LockHolderMain {

    public static void main(String[] args) throws Exception {
        try (AccountLock lock = AccountLock.acquire(AccountLayout.of(Path.of(args[0]), "default"), Instant.now())) {
            System.out.println("locked " + lock.owner().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin
            }
        } catch (SessionLockedException e) {
            System.out.println("refused " + e.getMessage());
            System.exit(4);
        }
    }
}
