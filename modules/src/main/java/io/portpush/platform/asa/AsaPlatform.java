package io.portpush.platform.asa;

import io.portpush.core.platform.AclStrategy;
import io.portpush.core.platform.Capabilities;
import io.portpush.core.platform.CommitModel;
import io.portpush.core.policy.AclEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Cisco ASA: stateful, extended access lists by line, object-groups, access-group bindings; no DSCP marking. */
public final class AsaPlatform extends io.portpush.core.platform.CliPlatform {
    private static final Capabilities CAPABILITIES = new Capabilities(List.of(AclStrategy.SWAP), true, true, true, CommitModel.IMMEDIATE,
            "ASA's QoS queues traffic by DSCP but does not set it on these flows; mark it on the routers next to the ASA");

    public AsaPlatform() {
        super("cisco_asa", Set.of("cisco.asa.asa", "asa"), CAPABILITIES, new AsaDialect(), new AsaAclDriver(), null);
    }

    /** {@code show access-list}, {@code show running-config [access-list|object|object-group]}. */
    @Override
    public Optional<Map<String, List<AclEntry>>> readAcls(String command, String output, String groups) {
        String c = command.strip().replaceAll("\\s+", " ");
        if (c.matches("sh(ow)? access-list( \\S+)?")) {
            return Optional.of(AsaAclParser.show(output));
        }
        if (c.matches("sh(ow)? run(ning-config)? (object|object-group)( \\S+)*")) {
            return Optional.of(AsaObjects.parse(output).entries());
        }
        if (c.matches("sh(ow)? run(ning-config)?( access-list.*)?")) {
            return Optional.of(AsaAclParser.running(output, AsaObjects.parse(output + "\n" + groups)));
        }
        return Optional.empty();
    }

    /** {@code show running-config access-group}: the lists bound to each interface. */
    @Override
    public Optional<Map<String, List<String>>> readInterfaces(String command, String output) {
        String c = command.strip().replaceAll("\\s+", " ");
        return c.matches("sh(ow)? run(ning-config)? access-group") ? Optional.of(AsaAclParser.accessGroups(output)) : Optional.empty();
    }

    @Override
    public Optional<String> routeCommand() {
        return Optional.of("show route");
    }

    @Override
    public Optional<List<io.portpush.core.placement.Route>> readRoutes(String command, String output) {
        return command.strip().replaceAll("\\s+", " ").matches("sh(ow)? route") ? Optional.of(AsaRoutes.read(output)) : Optional.empty();
    }

    @Override
    public Optional<String> bindingsCommand() {
        return Optional.of("show running-config access-group");
    }
}
