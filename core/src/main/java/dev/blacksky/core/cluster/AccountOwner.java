package dev.blacksky.core.cluster;

/** What runs the accounts this node holds: told when it gains one and when it must stop one. */
public interface AccountOwner {

    /** The node now holds {@code lease}: connect its account, writing under its epoch. */
    void acquired(Lease lease);

    /**
     * The node no longer holds {@code account}, or is about to lose it: stop its connection now. Called before the
     * lease runs out on the database when the node could not renew it (self-fencing).
     */
    void lost(String account, String why);
}
