package dev.blacksky.core.outbound;

/** Whether an account may send now: always, except on a cluster node whose lease for the account is not valid. */
@FunctionalInterface
public interface SendPermits {

    boolean allows(String account);
}
