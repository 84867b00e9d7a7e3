package io.portpush.platform.ios;

import io.portpush.core.platform.AclStrategy;
import io.portpush.core.platform.Capabilities;
import io.portpush.core.platform.CommitModel;
import io.portpush.core.policy.AclEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Cisco IOS and IOS-XE: named extended ACLs with sequence numbers, object-groups, MQC marking. */
public final class IosPlatform extends io.portpush.core.platform.CliPlatform {
    private static final Capabilities CAPABILITIES = new Capabilities(List.of(AclStrategy.SWAP, AclStrategy.IN_PLACE), false, true, true,
            CommitModel.IMMEDIATE, "");

    public IosPlatform() {
        super("cisco_ios", Set.of("cisco.ios.ios", "ios", "cisco.iosxe.iosxe", "cisco_xe"), CAPABILITIES, new IosDialect(), new IosAclDriver(), new IosQosDriver());
    }

    /**
     * {@code show object-group} (each group's entries: a network group as {@code permit ip MEMBERS ->
     * any}, a service group as one {@code permit} per member), {@code show [ip|ipv6] access-lists}
     * (object-group references resolved from {@code groups}), {@code show running-config}.
     */
    @Override
    public Optional<Map<String, List<AclEntry>>> readAcls(String command, String output, String groups) {
        String c = command.strip().replaceAll("\\s+", " ");
        if (c.matches("sh(ow)? object-group( \\S+)?")) {
            return Optional.of(IosAclParser.groupEntries(IosAclParser.objectGroups(output)));
        }
        if (c.matches("sh(ow)? (ip |ipv6 )?access-lists?( \\S+)?")) {
            return Optional.of(entriesOf(IosAclParser.showAccessLists(output, IosAclParser.objectGroups(groups))));
        }
        if (c.matches("sh(ow)? run(ning-config)?( .*)?")) {
            return Optional.of(entriesOf(IosAclParser.runningConfig(output).acls()));
        }
        return Optional.empty();
    }

    /** {@code show ip interface} (applied lists) and {@code show policy-map interface} (service policies, keyed {@code IF DIRECTION}). */
    @Override
    public Optional<Map<String, List<String>>> readInterfaces(String command, String output) {
        String c = command.strip().replaceAll("\\s+", " ");
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (c.matches("sh(ow)? ip int(erface)?( (?!brief)\\S+.*)?")) {
            IosInterfaceAcls.read(output).forEach((iface, lists) -> out.put(iface, lists.stream().map(Object::toString).toList()));
        } else if (c.matches("sh(ow)? policy-map int(erface)?( .*)?")) {
            out.putAll(IosServicePolicies.describe(output));
        } else {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static Map<String, List<AclEntry>> entriesOf(Map<String, List<IosAclParser.Line>> lists) {
        Map<String, List<AclEntry>> acls = new LinkedHashMap<>();
        for (var e : lists.entrySet()) {
            acls.put(e.getKey(), e.getValue().stream().filter(l -> !l.remark()).map(IosAclParser.Line::entry).toList());
        }
        return acls;
    }

    @Override
    public Optional<String> routeCommand() {
        return Optional.of("show ip route");
    }

    @Override
    public Optional<List<io.portpush.core.placement.Route>> readRoutes(String command, String output) {
        return command.strip().replaceAll("\\s+", " ").matches("sh(ow)? ip route") ? Optional.of(IosRoutes.read(output)) : Optional.empty();
    }

    @Override
    public Optional<String> bindingsCommand() {
        return Optional.of("show ip interface");
    }
}
