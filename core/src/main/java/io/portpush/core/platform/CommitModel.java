package io.portpush.core.platform;

/** When a configuration line takes effect on a platform, and what safety net the device itself offers. */
public enum CommitModel {
    /** Each line applies as it is typed (IOS, ASA): a restore is more lines. */
    IMMEDIATE,
    /** Lines go to a candidate (a configuration session) that a commit applies all at once; no device-side undo (NX-OS). */
    CANDIDATE,
    /** Lines go to a candidate that a commit activates, and the device can undo a commit by itself if it is not confirmed (Junos). */
    CANDIDATE_CONFIRMED,
    /** A whole script applied atomically, or not at all (nftables {@code nft -f}). */
    ATOMIC_SCRIPT
}
