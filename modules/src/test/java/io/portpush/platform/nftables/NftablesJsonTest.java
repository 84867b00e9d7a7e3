package io.portpush.platform.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.policy.PortRange;
import org.junit.jupiter.api.Test;

/**
 * {@code nft -j list chain} output in the schema of libnftables-json(5): a metainfo object,
 * the chain (with its hook), then rules whose {@code expr} holds match, verdict and log
 * statements; addresses as strings or {@code prefix}, ports as numbers, {@code range} or
 * {@code set}.
 */
class NftablesJsonTest {
    private static final String JSON = """
            {"nftables": [
              {"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}},
              {"chain": {"family": "inet", "table": "portpush", "name": "EDGE", "handle": 1, "type": "filter", "hook": "input",
                         "prio": 0, "policy": "accept"}},
              {"rule": {"family": "inet", "table": "portpush", "chain": "EDGE", "handle": 2, "comment": "portpush conntrack",
                        "expr": [{"match": {"op": "in", "left": {"ct": {"key": "state"}}, "right": ["established", "related"]}},
                                 {"accept": null}]}},
              {"rule": {"family": "inet", "table": "portpush", "chain": "EDGE", "handle": 3, "comment": "xcp.client-access",
                        "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}},
                                            "right": {"prefix": {"addr": "198.51.100.0", "len": 24}}}},
                                 {"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "daddr"}}, "right": "10.10.1.10"}},
                                 {"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 5222}},
                                 {"accept": null}]}},
              {"rule": {"family": "inet", "table": "portpush", "chain": "EDGE", "handle": 4,
                        "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "udp", "field": "sport"}},
                                            "right": {"range": [5060, 5061]}}},
                                 {"match": {"op": "==", "left": {"payload": {"protocol": "udp", "field": "dport"}},
                                            "right": {"set": [53, {"range": [6000, 6010]}]}}},
                                 {"log": {"prefix": "portpush EDGE "}},
                                 {"drop": null}]}},
              {"rule": {"family": "inet", "table": "portpush", "chain": "EDGE", "handle": 5,
                        "expr": [{"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": "icmp"}}, {"reject": null}]}},
              {"rule": {"family": "inet", "table": "portpush", "chain": "EDGE", "handle": 6,
                        "expr": [{"counter": {"packets": 0, "bytes": 0}}]}}
            ]}
            """;

    @Test
    void rulesBecomeEntriesAndTheHookTheBinding() {
        DeviceAcl acl = NftablesDriver.parse(JSON, "EDGE", "text");
        assertThat(acl.name()).isEqualTo("EDGE");
        assertThat(acl.text()).isEqualTo("text");
        assertThat(acl.bindings()).containsExactly(new Binding("input", Binding.Direction.IN));
        assertThat(acl.entries()).hasSize(4); // three rules, then the chain's accept policy (no rule ends the chain)
        AclEntry xmpp = acl.entries().get(0);
        assertThat(xmpp.action()).isEqualTo(Action.PERMIT);
        assertThat(xmpp.protocol()).isEqualTo("tcp");
        assertThat(xmpp.source().toString()).isEqualTo("198.51.100.0/24");
        assertThat(xmpp.destination().toString()).isEqualTo("10.10.1.10/32");
        assertThat(xmpp.destinationPorts().ranges()).containsExactly(PortRange.of(5222));
        assertThat(xmpp.origin()).isEqualTo("xcp.client-access");
        assertThat(xmpp.log()).isFalse();
        AclEntry sip = acl.entries().get(1);
        assertThat(sip.action()).isEqualTo(Action.DENY);
        assertThat(sip.protocol()).isEqualTo("udp");
        assertThat(sip.sourcePorts().ranges()).containsExactly(new PortRange(5060, 5061));
        assertThat(sip.destinationPorts().ranges()).containsExactly(PortRange.of(53), new PortRange(6000, 6010));
        assertThat(sip.log()).isTrue();
        assertThat(sip.source().toString()).isEqualTo("any");
        AclEntry icmp = acl.entries().get(2);
        assertThat(icmp.protocol()).isEqualTo("icmp");
        assertThat(icmp.action()).isEqualTo(Action.DENY);
    }

    @Test
    void aChainWithoutHookOrRulesIsEmpty() {
        DeviceAcl acl = NftablesDriver.parse("{\"nftables\": [{\"chain\": {\"name\": \"X\"}}]}", "X", "");
        assertThat(acl.entries()).isEmpty();
        assertThat(acl.bindings()).isEmpty();
    }

    /** A chain written by hand, as nft -j lists it (libnftables-json(5)): what the model cannot say must never read broader. */
    private static final String HAND_WRITTEN = """
            {"nftables": [
              {"chain": {"family": "inet", "table": "portpush", "name": "LEGACY", "handle": 1, "type": "filter", "hook": "input",
                         "prio": 0, "policy": "drop"}},
              {"rule": {"family": "inet", "table": "portpush", "chain": "LEGACY", "handle": 2,
                        "expr": [{"match": {"op": "in", "left": {"ct": {"key": "state"}}, "right": ["established", "related"]}},
                                 {"accept": null}]}},
              {"rule": {"family": "inet", "table": "portpush", "chain": "LEGACY", "handle": 3, "comment": "admins",
                        "expr": [{"match": {"op": "==", "left": {"meta": {"key": "iifname"}}, "right": "eth1"}},
                                 {"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 22}},
                                 {"accept": null}]}},
              {"rule": {"family": "inet", "table": "portpush", "chain": "LEGACY", "handle": 4,
                        "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "protocol"}}, "right": "udp"}},
                                 {"match": {"op": "!=", "left": {"payload": {"protocol": "udp", "field": "dport"}}, "right": 53}},
                                 {"drop": null}]}},
              {"rule": {"family": "inet", "table": "portpush", "chain": "LEGACY", "handle": 5,
                        "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 5222}},
                                 {"jump": {"target": "XMPP"}}]}},
              {"rule": {"family": "inet", "table": "portpush", "chain": "LEGACY", "handle": 6,
                        "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 5269}},
                                 {"counter": {"packets": 3, "bytes": 180}}, {"accept": null}]}}
            ]}
            """;

    @Test
    void matchesBeyondTheModelAreKeptAndTheChainPolicyIsTheLastEntry() {
        DeviceAcl acl = NftablesDriver.parse(HAND_WRITTEN, "LEGACY", "");
        assertThat(acl.entries()).hasSize(5);
        AclEntry admins = acl.entries().get(0);
        assertThat(admins.qualifiers()).singleElement().asString().contains("iifname", "eth1");
        assertThat(admins.origin()).isEqualTo("admins");
        AclEntry notDns = acl.entries().get(1);
        assertThat(notDns.protocol()).isEqualTo("udp");
        assertThat(notDns.qualifiers()).singleElement().asString().contains("!=", "dport");
        assertThat(acl.entries().get(2).unrecognised()).as("a jump decides elsewhere").isTrue();
        assertThat(acl.entries().get(3).qualified()).isFalse();
        AclEntry policy = acl.entries().get(4);
        assertThat(policy.action()).isEqualTo(Action.DENY);
        assertThat(policy.origin()).isEqualTo("policy drop");
        assertThat(policy.source().any() && policy.destination().any() && policy.protocol().equals("ip")).isTrue();
    }

    @Test
    void portpushsOwnChainEndsWithItsDefaultAndGetsNoPolicyEntry() {
        DeviceAcl acl = NftablesDriver.parse(JSON.replace("\"expr\": [{\"counter\": {\"packets\": 0, \"bytes\": 0}}]",
                "\"expr\": [{\"counter\": {\"packets\": 0, \"bytes\": 0}}, {\"drop\": null}]"), "EDGE", "");
        assertThat(acl.entries()).hasSize(4);
        assertThat(acl.entries().get(3).origin()).isEmpty();
        // the same chain without the final rule: its accept policy decides what nothing else did
        assertThat(NftablesDriver.parse(JSON, "EDGE", "").entries()).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(Action.PERMIT);
            assertThat(e.origin()).isEqualTo("policy accept");
        });
    }
}
