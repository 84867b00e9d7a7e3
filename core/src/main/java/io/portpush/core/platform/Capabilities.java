package io.portpush.core.platform;

import java.util.Set;

/**
 * What a platform declares it can do, so that modules ask the platform instead of testing its name.
 *
 * @param strategies the ACL replacement strategies it supports; the first is its default
 * @param stateful whether it tracks sessions (no return entries needed)
 * @param ipv6 whether its ACL path handles IPv6 entries
 * @param objectGroups whether it can keep address and port sets as named groups
 * @param commit when changes take effect
 * @param noQos why it has no DSCP marking, in words for the person whose task asked for it; empty when it has
 */
public record Capabilities(java.util.List<AclStrategy> strategies, boolean stateful, boolean ipv6, boolean objectGroups,
                           CommitModel commit, String noQos) {
    public Capabilities {
        strategies = java.util.List.copyOf(strategies);
    }

    public AclStrategy defaultStrategy() {
        return strategies.get(0);
    }

    public Set<AclStrategy> strategySet() {
        return Set.copyOf(strategies);
    }
}
