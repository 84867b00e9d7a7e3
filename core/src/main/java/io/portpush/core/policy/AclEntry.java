package io.portpush.core.policy;

/**
 * One vendor-neutral ACL entry. {@code protocol} is {@code ip}, {@code tcp}, {@code udp},
 * {@code icmp} or a number; ports apply to tcp/udp only. {@code established} matches TCP
 * packets of established sessions (return traffic on stateless platforms). {@code origin}
 * names the catalogue flow it came from ({@code xcp.client-access}), or {@code literal},
 * {@code default}, {@code return:<flow>}; it becomes the remark.
 */
public record AclEntry(Action action, String protocol, AddressSet source, PortMatch sourcePorts, AddressSet destination,
                       PortMatch destinationPorts, boolean established, boolean log, String origin) {

    /** Whether this entry matches every packet {@code o} matches (used for shadowing). */
    public boolean covers(AclEntry o) {
        boolean proto = protocol.equals("ip") || protocol.equals(o.protocol);
        boolean ports = !ports() || (sourcePorts.covers(o.sourcePorts) && destinationPorts.covers(o.destinationPorts));
        return proto && source.covers(o.source) && destination.covers(o.destination) && ports
                && (!established || o.established);
    }

    public boolean ports() {
        return protocol.equals("tcp") || protocol.equals("udp");
    }

    /** The same entry without what devices do not keep in their show output (origin), for comparison. */
    public AclEntry matchPart() {
        return new AclEntry(action, protocol, source, sourcePorts, destination, destinationPorts, established, log, "");
    }

    /** Short text for messages and lint: {@code permit tcp 192.0.2.0/28 any -> 10.10.1.0/24 5061}. */
    public String describe() {
        return action.word() + " " + protocol + " " + source + (sourcePorts.any() ? "" : ":" + sourcePorts) + " -> " + destination
                + (destinationPorts.any() ? "" : ":" + destinationPorts) + (established ? " established" : "") + (log ? " log" : "");
    }
}
