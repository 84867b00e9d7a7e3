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
 * @param protocol the seed's own word for the protocol ({@code [TCP]} is kept as {@code TCP})
 * @param application the application the seed's remark names when its protocol column only says the transport
 *        (XMPP on 5222, BOSH on 7335); empty when the protocol column already names it
 * @param ambiguous the seed's conflicting statements about the row, quoted, when it says two things that cannot both
 *        hold (Livebus 50000: "localhost traffic only" and "used for cluster communication"); empty otherwise. The
 *        scope keeps the seed's first reading; messages print both statements and how to override
 * @param origin where the row is defined, for messages
 */
public record Flow(String group, String id, Endpoint from, Endpoint to, Initiators initiators,
                   String protocol, String application, Transport transport, DestinationPorts ports,
                   SourcePort sourcePort, Scope scope, String remark, boolean optional, String ambiguous,
                   SourceLocation origin) {

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

    /** Whether the seed says two conflicting things about this row. */
    public boolean isAmbiguous() {
        return !ambiguous.isEmpty();
    }

    /** Whether the flow uses {@code port} as a listener, a default or a fixed source port. */
    public boolean usesPort(int port) {
        return ports.defaults().contains(port)
                || (sourcePort instanceof SourcePort.Fixed f && f.port() == port);
    }
}
