package io.portpush.platform.eos;

import io.portpush.core.policy.Binding;
import io.portpush.platform.SessionListDriver;
import java.util.List;
import java.util.Optional;

/**
 * Eos IPv4 access lists, replaced whole inside a configuration session and bound with
 * {@code ip access-group} (see {@link SessionListDriver}); read from {@code show ip access-lists}
 * and {@code show running-config interfaces}.
 */
public final class EosAclDriver extends SessionListDriver {
    public EosAclDriver() {
        super("arista_eos/acl.j2", "show running-config interfaces", "   ");
    }

    @Override
    protected Optional<ListRead> readList(String showOutput, String name) {
        List<EosAclParser.Rule> rules = EosAclParser.show(showOutput).get(name);
        if (rules == null) {
            return Optional.empty();
        }
        List<EosAclParser.Rule> entries = rules.stream().filter(r -> r.entry().isPresent()).toList();
        return Optional.of(new ListRead(rules.stream().map(EosAclParser.Rule::text).toList(),
                entries.stream().map(r -> r.entry().get()).toList(), entries.stream().map(EosAclParser.Rule::hits).toList()));
    }

    @Override
    protected List<Binding> bindings(String output, String name) {
        return EosAclParser.running(output).bindings().getOrDefault(name, List.of());
    }
}
