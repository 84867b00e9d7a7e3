package io.portpush.core.policy;

import java.util.List;

/**
 * One vendor-neutral ACL entry. {@code protocol} is {@code ip}, {@code tcp}, {@code udp},
 * {@code icmp} or a number; ports apply to tcp/udp only. {@code established} matches TCP
 * packets of established sessions (return traffic on stateless platforms). {@code origin}
 * names the catalogue flow it came from ({@code xcp.client-access}), or {@code literal},
 * {@code default}, {@code return:<flow>}; it becomes the remark.
 *
 * <p>{@code qualifiers} hold what a device's entry says beyond that, as normalised words
 * ({@code echo-reply}, {@code dscp ef}, {@code time-range WORK}, {@code fragments},
 * {@code match-any +syn -ack}): an entry with qualifiers matches fewer packets, so it never
 * compares equal to one without them. An entry portpush could not read at all is
 * {@link #unrecognised}: it keeps its raw text and matches no intended entry, so a verify can
 * never claim success over text it did not understand.
 */
public record AclEntry(Action action, String protocol, AddressSet source, PortMatch sourcePorts, AddressSet destination,
                       PortMatch destinationPorts, boolean established, boolean log, String origin, List<String> qualifiers) {
    private static final String UNRECOGNISED = "unrecognised: ";

    public AclEntry {
        qualifiers = qualifiers == null ? List.of() : List.copyOf(qualifiers);
    }

    /** An entry with nothing beyond the modelled fields (what intents are made of). */
    public AclEntry(Action action, String protocol, AddressSet source, PortMatch sourcePorts, AddressSet destination,
                    PortMatch destinationPorts, boolean established, boolean log, String origin) {
        this(action, protocol, source, sourcePorts, destination, destinationPorts, established, log, origin, List.of());
    }

    /** A line portpush could not read, kept with its text; it equals no other entry but one with the same text. */
    public static AclEntry unrecognised(String raw) {
        return new AclEntry(Action.DENY, "ip", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, false, "unrecognised",
                List.of(UNRECOGNISED + raw.strip()));
    }

    /** Whether this entry matches every packet (an {@code ip any any} without qualifiers): a list's default, as found. */
    public boolean catchAll() {
        return protocol.equals("ip") && source.any() && destination.any() && sourcePorts.any() && destinationPorts.any() && !established
                && !qualified();
    }

    /** Whether this stands for a line that could not be read. */
    public boolean unrecognised() {
        return !qualifiers.isEmpty() && qualifiers.get(0).startsWith(UNRECOGNISED);
    }

    /** The raw text of an {@link #unrecognised} entry, empty for any other. */
    public String unrecognisedText() {
        return unrecognised() ? qualifiers.get(0).substring(UNRECOGNISED.length()) : "";
    }

    /** Whether this entry says more than the model's fields (qualifiers), or could not be read. */
    public boolean qualified() {
        return !qualifiers.isEmpty();
    }

    /** Whether this entry matches every packet {@code o} matches (used for shadowing). */
    public boolean covers(AclEntry o) {
        if (unrecognised() || o.unrecognised()) {
            return false;
        }
        // a qualified entry matches only part of what its fields say: it covers an entry with the same qualifiers at most
        if (qualified() && !qualifiers.equals(o.qualifiers)) {
            return false;
        }
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
        return new AclEntry(action, protocol, source, sourcePorts, destination, destinationPorts, established, log, "", qualifiers);
    }

    /** Short text for messages and lint: {@code permit tcp 192.0.2.0/28 any -> 10.10.1.0/24 5061}. */
    public String describe() {
        if (unrecognised()) {
            return "unrecognised line '" + unrecognisedText() + "'";
        }
        return action.word() + " " + protocol + " " + source + (sourcePorts.any() ? "" : ":" + sourcePorts) + " -> " + destination
                + (destinationPorts.any() ? "" : ":" + destinationPorts) + (established ? " established" : "") + (log ? " log" : "")
                + (qualifiers.isEmpty() ? "" : " " + String.join(" ", qualifiers));
    }
}
