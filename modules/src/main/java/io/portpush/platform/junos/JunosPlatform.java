package io.portpush.platform.junos;

import io.portpush.core.device.Dialect;
import io.portpush.core.platform.AclStrategy;
import io.portpush.core.platform.Capabilities;
import io.portpush.core.platform.CommitModel;
import io.portpush.core.platform.Platform;
import io.portpush.core.policy.AclDriver;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.HitCounter;
import io.portpush.core.policy.QosDriver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Juniper Junos: firewall filters in a candidate, committed confirmed; over the CLI or NETCONF. */
public final class JunosPlatform implements Platform {
    /** The filter is loaded whole into a candidate: the commit swaps it atomically, so in-place and swap mean nothing here. */
    private static final Capabilities CAPABILITIES = new Capabilities(List.of(AclStrategy.REPLACE), false, false, false,
            CommitModel.CANDIDATE_CONFIRMED, "");
    private final Dialect dialect = new JunosDialect();
    private final AclDriver acl = new JunosFilterDriver();
    private final QosDriver qos = new JunosQosDriver();

    @Override
    public String name() {
        return "juniper_junos";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("junipernetworks.junos.junos", "junos", "juniper");
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Optional<Dialect> dialect() {
        return Optional.of(dialect);
    }

    @Override
    public Optional<AclDriver> acl() {
        return Optional.of(acl);
    }

    @Override
    public Optional<QosDriver> qos() {
        return Optional.of(qos);
    }

    /** {@code show configuration ... | display set}. */
    @Override
    public Optional<Map<String, List<AclEntry>>> readAcls(String command, String output, String groups) {
        return command.contains("display set") ? Optional.of(JunosFilterParser.filters(output)) : Optional.empty();
    }

    /** {@code show firewall [counter] [filter F]}. */
    @Override
    public Optional<Map<String, List<HitCounter>>> readCounters(String command, String output) {
        String c = command.strip().replaceAll("\\s+", " ");
        return c.matches("show firewall( counter)?( filter \\S+( \\S+)*)?") ? Optional.of(JunosFirewallCounters.read(output)) : Optional.empty();
    }
}
