package io.portpush.platform;

import io.portpush.core.device.Dialect;
import io.portpush.core.policy.AclDriver;
import io.portpush.core.policy.HostFirewallDriver;
import io.portpush.platform.nftables.NftablesDriver;
import io.portpush.core.policy.QosDriver;
import io.portpush.platform.ios.IosQosDriver;
import io.portpush.platform.junos.JunosQosDriver;
import io.portpush.platform.asa.AsaAclDriver;
import io.portpush.platform.ios.IosAclDriver;
import io.portpush.platform.junos.JunosFilterDriver;
import io.portpush.platform.asa.AsaDialect;
import io.portpush.platform.ios.IosDialect;
import io.portpush.platform.junos.JunosDialect;
import java.util.Map;

/** The CLI dialect of each platform portpush drives over an interactive shell. */
public final class Platforms {
    private static final Map<String, Dialect> DIALECTS = Map.of(
            "cisco_ios", new IosDialect(), "cisco_asa", new AsaDialect(), "juniper_junos", new JunosDialect());

    private static final Map<String, AclDriver> ACL = Map.of("cisco_ios", new IosAclDriver(), "juniper_junos", new JunosFilterDriver(),
            "cisco_asa", new AsaAclDriver());

    private Platforms() {
    }

    /** The dialect, or null for platforms driven without a CLI shell (linux_nftables). */
    public static Dialect dialect(String platform) {
        return DIALECTS.get(platform);
    }

    /** The ACL driver of a platform, or null where portpush has none. */
    public static AclDriver aclDriver(String platform) {
        return platform == null ? null : ACL.get(platform);
    }

    private static final Map<String, QosDriver> QOS = Map.of("cisco_ios", new IosQosDriver(), "juniper_junos", new JunosQosDriver());

    /** The DSCP marking driver of a platform, or null where portpush has none (ASA cannot mark DSCP). */
    public static QosDriver qosDriver(String platform) {
        return platform == null ? null : QOS.get(platform);
    }

    private static final Map<String, HostFirewallDriver> HOSTS = Map.of("linux_nftables", new NftablesDriver());

    /** The host firewall driver (exec channel, atomic scripts) of a platform, or null. */
    public static HostFirewallDriver hostFirewall(String platform) {
        return platform == null ? null : HOSTS.get(platform);
    }

    /**
     * The ACLs in a command's output where portpush has a reader for it: IOS {@code show ip
     * access-lists}, {@code show access-lists}, {@code show ipv6 access-list}, {@code show
     * running-config}; ASA {@code show access-list}, {@code show running-config [access-list]};
     * Junos {@code show configuration ... | display set}; nftables {@code nft -j list chain}.
     * Readers never abort on a line: what they do not understand is an unrecognised entry.
     */
    public static java.util.Optional<java.util.Map<String, java.util.List<io.portpush.core.policy.AclEntry>>> readAcls(String platform,
                                                                                                                     String command,
                                                                                                                     String output) {
        return readAcls(platform, command, output, "");
    }

    /**
     * As {@link #readAcls(String, String, String)}, with the output of IOS {@code show object-group}
     * (or a running configuration holding the groups) to resolve the object-group references
     * {@code show ip access-lists} prints unexpanded. IOS {@code show object-group} itself reads as
     * each group's entries: a network group as {@code permit ip MEMBERS -> any}, a service group as
     * one {@code permit} per member.
     */
    public static java.util.Optional<java.util.Map<String, java.util.List<io.portpush.core.policy.AclEntry>>> readAcls(String platform,
                                                                                                                     String command,
                                                                                                                     String output,
                                                                                                                     String groupsOutput) {
        String c = command.strip().replaceAll("\\s+", " ");
        java.util.Map<String, java.util.List<io.portpush.core.policy.AclEntry>> acls = null;
        if ("cisco_ios".equals(platform) && c.matches("sh(ow)? object-group( \\S+)?")) {
            acls = io.portpush.platform.ios.IosAclParser.groupEntries(io.portpush.platform.ios.IosAclParser.objectGroups(output));
        } else if ("cisco_ios".equals(platform) && c.matches("sh(ow)? (ip |ipv6 )?access-lists?( \\S+)?")) {
            acls = entriesOf(io.portpush.platform.ios.IosAclParser.showAccessLists(output,
                    io.portpush.platform.ios.IosAclParser.objectGroups(groupsOutput)));
        } else if ("cisco_ios".equals(platform) && c.matches("sh(ow)? run(ning-config)?( .*)?")) {
            acls = entriesOf(io.portpush.platform.ios.IosAclParser.runningConfig(output).acls());
        } else if ("cisco_asa".equals(platform) && c.matches("sh(ow)? access-list( \\S+)?")) {
            acls = io.portpush.platform.asa.AsaAclParser.show(output);
        } else if ("cisco_asa".equals(platform) && c.matches("sh(ow)? run(ning-config)? (object|object-group)( \\S+)*")) {
            acls = io.portpush.platform.asa.AsaObjects.parse(output).entries();
        } else if ("cisco_asa".equals(platform) && c.matches("sh(ow)? run(ning-config)?( access-list.*)?")) {
            acls = io.portpush.platform.asa.AsaAclParser.running(output, io.portpush.platform.asa.AsaObjects.parse(output + "\n" + groupsOutput));
        } else if ("juniper_junos".equals(platform) && c.contains("display set")) {
            acls = io.portpush.platform.junos.JunosFilterParser.filters(output);
        } else if ("linux_nftables".equals(platform) && c.startsWith("nft -j list chain")) {
            var acl = io.portpush.platform.nftables.NftablesDriver.parse(output, c.substring(c.lastIndexOf(' ') + 1), "");
            acls = java.util.Map.of(acl.name(), acl.entries());
        }
        return java.util.Optional.ofNullable(acls);
    }

    /**
     * What is attached to each interface, where the command prints it: IOS {@code show ip interface}
     * (applied access lists), IOS {@code show policy-map interface} (service policies, their classes'
     * matches and marking; keyed {@code INTERFACE DIRECTION}), ASA {@code show running-config
     * access-group}. Values are the records as people read them ({@code in ACL-IN}).
     */
    public static java.util.Optional<java.util.Map<String, java.util.List<String>>> readInterfaces(String platform, String command,
                                                                                                String output) {
        String c = command.strip().replaceAll("\\s+", " ");
        java.util.Map<String, java.util.List<String>> out = new java.util.LinkedHashMap<>();
        if ("cisco_ios".equals(platform) && c.matches("sh(ow)? ip int(erface)?( (?!brief)\\S+.*)?")) {
            io.portpush.platform.ios.IosInterfaceAcls.read(output).forEach((iface, lists) ->
                    out.put(iface, lists.stream().map(Object::toString).toList()));
        } else if ("cisco_ios".equals(platform) && c.matches("sh(ow)? policy-map int(erface)?( .*)?")) {
            out.putAll(io.portpush.platform.ios.IosServicePolicies.describe(output));
        } else if ("cisco_asa".equals(platform) && c.matches("sh(ow)? run(ning-config)? access-group")) {
            out.putAll(io.portpush.platform.asa.AsaAclParser.accessGroups(output));
        } else {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(out);
    }

    /** Hit counters per filter where the command prints them by name: Junos {@code show firewall}. */
    public static java.util.Optional<java.util.Map<String, java.util.List<io.portpush.core.policy.HitCounter>>> readCounters(
            String platform, String command, String output) {
        String c = command.strip().replaceAll("\\s+", " ");
        if ("juniper_junos".equals(platform) && c.matches("show firewall( counter)?( filter \\S+( \\S+)*)?")) {
            return java.util.Optional.of(io.portpush.platform.junos.JunosFirewallCounters.read(output));
        }
        return java.util.Optional.empty();
    }

    private static java.util.Map<String, java.util.List<io.portpush.core.policy.AclEntry>> entriesOf(
            java.util.Map<String, java.util.List<io.portpush.platform.ios.IosAclParser.Line>> lists) {
        java.util.Map<String, java.util.List<io.portpush.core.policy.AclEntry>> acls = new java.util.LinkedHashMap<>();
        for (var e : lists.entrySet()) {
            acls.put(e.getKey(), e.getValue().stream().filter(l -> !l.remark()).map(io.portpush.platform.ios.IosAclParser.Line::entry).toList());
        }
        return acls;
    }

    /** One entry as plain data (the {@code parsed} value of the command module, {@code portpush parse --json}). */
    public static java.util.Map<String, Object> data(io.portpush.core.policy.AclEntry e) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (e.unrecognised()) {
            m.put("unrecognised", e.unrecognisedText());
            return m;
        }
        m.put("action", e.action().word());
        m.put("protocol", e.protocol());
        m.put("source", e.source().toString());
        m.put("source_ports", e.sourcePorts().toString());
        m.put("destination", e.destination().toString());
        m.put("destination_ports", e.destinationPorts().toString());
        m.put("established", e.established());
        m.put("log", e.log());
        if (e.qualified()) {
            m.put("qualifiers", e.qualifiers());
        }
        return m;
    }

    /** Structured data for a show command's output where portpush has a reader (the command module's {@code parsed}). */
    public static java.util.Optional<Object> parse(String platform, String command, String output) {
        java.util.Optional<java.util.Map<String, java.util.List<io.portpush.core.policy.AclEntry>>> acls;
        try {
            acls = readAcls(platform, command, output);
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // output the readers do not model at all: text only
        }
        if (acls.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        acls.get().forEach((name, entries) -> out.put(name, entries.stream().map(Platforms::data).toList()));
        return java.util.Optional.of(out);
    }
}
