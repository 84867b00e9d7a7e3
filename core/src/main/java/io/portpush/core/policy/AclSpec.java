package io.portpush.core.policy;

import java.util.List;
import java.util.Map;

/**
 * What a user asked for in an {@code acl} task, before the catalogue is consulted.
 *
 * @param portOverrides listener ports for configurable flows, by flow reference
 * @param force open localhost-only flows anyway (refused otherwise)
 */
public record AclSpec(String name, List<Rule> rules, List<Binding> bindings, Action defaultAction, boolean defaultLog,
                      ReturnTraffic returnTraffic, boolean force, Map<String, List<Integer>> portOverrides, boolean objectGroups) {

    /** A spec without object-groups. */
    public AclSpec(String name, List<Rule> rules, List<Binding> bindings, Action defaultAction, boolean defaultLog,
                   ReturnTraffic returnTraffic, boolean force, Map<String, List<Integer>> portOverrides) {
        this(name, rules, bindings, defaultAction, defaultLog, returnTraffic, force, portOverrides, false);
    }

    /** How return traffic of permitted sessions gets through a stateless filter. */
    public enum ReturnTraffic {
        /** {@code established} entries for TCP on stateless platforms; nothing on stateful ones. */
        AUTO,
        /** Explicit reverse entries (TCP established, UDP from the service port) even where not needed. */
        REVERSE,
        /** Nothing: the user handles return traffic elsewhere. */
        NONE
    }

    /**
     * One rule: catalogue references ({@code sip-proxy}, {@code xcp.client-access}, a composite)
     * or a literal entry for what the catalogue lacks. {@code from}/{@code to} replace the role
     * addresses when given.
     */
    public record Rule(Action action, List<String> refs, AclEntry literal, boolean log, AddressSet from, AddressSet to,
                       boolean includeOptional) {
        public Rule {
            refs = List.copyOf(refs);
        }

        /** A rule that leaves optional flows of groups and composites out. */
        public Rule(Action action, List<String> refs, AclEntry literal, boolean log, AddressSet from, AddressSet to) {
            this(action, refs, literal, log, from, to, false);
        }
    }

    public AclSpec {
        rules = List.copyOf(rules);
        bindings = List.copyOf(bindings);
        portOverrides = Map.copyOf(portOverrides);
    }
}
