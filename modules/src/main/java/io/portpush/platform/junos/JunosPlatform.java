package io.portpush.platform.junos;

import io.portpush.core.platform.AclStrategy;
import io.portpush.core.platform.Capabilities;
import io.portpush.core.platform.CommitModel;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.HitCounter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Juniper Junos: firewall filters in a candidate, committed confirmed; over the CLI or NETCONF. */
public final class JunosPlatform extends io.portpush.core.platform.CliPlatform {
    /** The filter is loaded whole into a candidate: the commit swaps it atomically, so in-place and swap mean nothing here. */
    private static final Capabilities CAPABILITIES = new Capabilities(List.of(AclStrategy.REPLACE), false, false, false,
            CommitModel.CANDIDATE_CONFIRMED, "");

    public JunosPlatform() {
        super("juniper_junos", Set.of("junipernetworks.junos.junos", "junos", "juniper"), CAPABILITIES, new JunosDialect(), new JunosFilterDriver(), new JunosQosDriver());
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
