package io.portpush.lab;

import inet.ipaddr.IPAddress;

/**
 * A packet as a lab device's own filter sees it (logins it admits, traffic it counts): the
 * lab's model, apart from the product's on purpose.
 *
 * @param protocol the IP protocol number (6 tcp, 17 udp)
 * @param established whether it belongs to a connection under way (ACK or RST set)
 */
public record LabPacket(int protocol, IPAddress source, int sourcePort, IPAddress destination, int destinationPort, boolean established) {
    /** A TCP connection's first packet (SYN). */
    public static LabPacket tcpSyn(IPAddress source, int sourcePort, IPAddress destination, int destinationPort) {
        return new LabPacket(6, source, sourcePort, destination, destinationPort, false);
    }
}
