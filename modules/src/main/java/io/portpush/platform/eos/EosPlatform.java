package io.portpush.platform.eos;

import io.portpush.core.platform.AclStrategy;
import io.portpush.core.platform.Capabilities;
import io.portpush.core.platform.CommitModel;
import io.portpush.core.policy.AclEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Arista EOS: IPv4 access lists replaced inside a configuration session, committed with a timer. */
public final class EosPlatform extends io.portpush.core.platform.CliPlatform {
    private static final Capabilities CAPABILITIES = new Capabilities(List.of(AclStrategy.REPLACE), false, false, false,
            CommitModel.CANDIDATE_CONFIRMED, "portpush has no EOS QoS driver yet (EOS marks DSCP with policy-maps; not built)");

    public EosPlatform() {
        super("arista_eos", Set.of("arista.eos.eos", "eos"), CAPABILITIES, new EosDialect(), new EosAclDriver(), null);
    }

    /** {@code show ip access-lists [NAME]} and {@code show running-config}. */
    @Override
    public Optional<Map<String, List<AclEntry>>> readAcls(String command, String output, String groups) {
        String c = command.strip().replaceAll("\\s+", " ");
        Map<String, List<EosAclParser.Rule>> lists;
        if (c.matches("sh(ow)? ip access-lists?( \\S+)?")) {
            lists = EosAclParser.show(output);
        } else if (c.matches("sh(ow)? run(ning-config)?( .*)?")) {
            lists = EosAclParser.running(output).acls();
        } else {
            return Optional.empty();
        }
        Map<String, List<AclEntry>> out = new LinkedHashMap<>();
        lists.forEach((name, rules) -> out.put(name, EosAclParser.entries(rules)));
        return Optional.of(out);
    }

    /** {@code show running-config interfaces}: the lists bound to each interface. */
    @Override
    public Optional<Map<String, List<String>>> readInterfaces(String command, String output) {
        String c = command.strip().replaceAll("\\s+", " ");
        if (!c.matches("sh(ow)? run(ning-config)? interfaces?( \\S+)?")) {
            return Optional.empty();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        EosAclParser.running(output).bindings().forEach((acl, bs) -> bs.forEach(b ->
                out.computeIfAbsent(b.target(), k -> new java.util.ArrayList<>()).add(b.direction().word() + " " + acl)));
        return Optional.of(out);
    }
}
