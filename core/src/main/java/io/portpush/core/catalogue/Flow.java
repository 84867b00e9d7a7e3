package io.portpush.core.catalogue;

import io.portpush.core.error.SourceLocation;

/**
 * One row of a port table: who opens the session ({@code from}), who listens ({@code to}), on
 * which transport and ports, and where the traffic may travel.
 *
 * @param initiators which side opens sessions to the listed ports: {@code from} (the default), {@code to}, or
 *        {@code both} (a row the seed draws as {@code A ----- B} where the protocol lets either side initiate,
 *        such as SIP or IKE); decided per protocol, not assumed from the drawing
 * @param optional the seed says the flow is not needed in normal operation (the IMDB replication ports, needed only
 *        for {@code utils imdb_replication status}); a group or composite reference leaves it out unless asked
 * @param origin where the row is defined, for messages
 */
public record Flow(String group, String id, Endpoint from, Endpoint to, Initiators initiators,
                   String protocol, Transport transport, DestinationPorts ports, SourcePort sourcePort,
                   Scope scope, String remark, boolean optional, SourceLocation origin) {

    /** Who opens sessions of a flow. */
    public enum Initiators {
        FROM, TO, BOTH;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether the {@code from} side opens sessions to the {@code to} side's ports. */
    public boolean fromInitiates() {
        return initiators != Initiators.TO;
    }

    /** Whether the {@code to} side opens sessions to the {@code from} side on the same ports. */
    public boolean toInitiates() {
        return initiators != Initiators.FROM;
    }

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
