package io.portpush.platform.nxos;

import io.portpush.core.policy.Binding;
import io.portpush.platform.SessionListDriver;
import java.util.List;
import java.util.Optional;

/**
 * Nxos IPv4 access lists, replaced whole inside a configuration session and bound with
 * {@code ip access-group} (see {@link SessionListDriver}); read from {@code show ip access-lists}
 * and {@code show running-config aclmgr}.
 */
public final class NxosAclDriver extends SessionListDriver {
    public NxosAclDriver() {
        super("cisco_nxos/acl.j2", "show running-config aclmgr", "  ");
    }

    @Override
    protected Optional<ListRead> readList(String showOutput, String name) {
        List<NxosAclParser.Rule> rules = NxosAclParser.show(showOutput).get(name);
        if (rules == null) {
            return Optional.empty();
        }
        List<NxosAclParser.Rule> entries = rules.stream().filter(r -> r.entry().isPresent()).toList();
        return Optional.of(new ListRead(rules.stream().map(NxosAclParser.Rule::text).toList(),
                entries.stream().map(r -> r.entry().get()).toList(), entries.stream().map(NxosAclParser.Rule::hits).toList()));
    }

    @Override
    protected List<Binding> bindings(String output, String name) {
        return NxosAclParser.running(output).bindings().getOrDefault(name, List.of());
    }
}
