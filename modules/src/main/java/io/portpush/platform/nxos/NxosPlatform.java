package io.portpush.platform.nxos;

import io.portpush.core.platform.AclStrategy;
import io.portpush.core.platform.Capabilities;
import io.portpush.core.platform.CommitModel;
import io.portpush.core.policy.AclEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Cisco NX-OS: IPv4 access lists replaced inside a configuration session, applied whole at commit. */
public final class NxosPlatform extends io.portpush.core.platform.CliPlatform {
    private static final Capabilities CAPABILITIES = new Capabilities(List.of(AclStrategy.REPLACE), false, false, false,
            CommitModel.CANDIDATE, "portpush has no NX-OS QoS driver yet (NX-OS marks DSCP with policy-maps; not built)");

    public NxosPlatform() {
        super("cisco_nxos", Set.of("cisco.nxos.nxos", "nxos", "cisco_nxos"), CAPABILITIES, new NxosDialect(), new NxosAclDriver(), null);
    }

    /** {@code show ip access-lists [NAME]}, {@code show access-lists}, {@code show running-config [aclmgr]}. */
    @Override
    public Optional<Map<String, List<AclEntry>>> readAcls(String command, String output, String groups) {
        String c = command.strip().replaceAll("\\s+", " ");
        Map<String, List<NxosAclParser.Rule>> lists;
        if (c.matches("sh(ow)? (ip )?access-lists?( \\S+)?")) {
            lists = NxosAclParser.show(output);
        } else if (c.matches("sh(ow)? run(ning-config)?( aclmgr)?")) {
            lists = NxosAclParser.running(output).acls();
        } else {
            return Optional.empty();
        }
        Map<String, List<AclEntry>> out = new LinkedHashMap<>();
        lists.forEach((name, rules) -> out.put(name, NxosAclParser.entries(rules)));
        return Optional.of(out);
    }
}
