package io.portpush.core.catalogue;

import io.portpush.core.error.SourceLocation;

/**
 * One row of a port table: who opens the session ({@code from}), who listens ({@code to}), on
 * which transport and ports, and where the traffic may travel.
 *
 * @param bidirectional the seed lists the flow in both directions (either side may initiate)
 * @param origin where the row is defined, for messages
 */
public record Flow(String group, String id, Endpoint from, Endpoint to, boolean bidirectional,
                   String protocol, Transport transport, DestinationPorts ports, SourcePort sourcePort,
                   Scope scope, String remark, SourceLocation origin) {

    /** The reference users write in playbooks: {@code group.flow}. */
    public String ref() {
        return group + "." + id;
    }

    /** Whether the flow uses {@code port} as a listener, a default or a fixed source port. */
    public boolean usesPort(int port) {
        return ports.defaults().contains(port)
                || (sourcePort instanceof SourcePort.Fixed f && f.port() == port);
    }
}
