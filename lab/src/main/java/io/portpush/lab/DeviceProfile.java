package io.portpush.lab;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * What makes one lab device unlike the next: its host name, software version, model, serial
 * number and interfaces with their addresses, from the host's inventory variables
 * ({@code lab_hostname}, {@code lab_version}, {@code lab_model}, {@code lab_serial},
 * {@code lab_interfaces}, {@code lab_routes}). What the inventory leaves out each personality fills in with defaults
 * derived from the host name, so that two devices never share an address or a serial number.
 *
 * @param version null for the platform's default version
 * @param interfaces empty for the platform's default interfaces
 */
public record DeviceProfile(String hostname, String version, String model, String serial, List<Iface> interfaces,
                            List<StaticRoute> routes, boolean filterLogins, List<Traffic> traffic) {
    public DeviceProfile {
        interfaces = List.copyOf(interfaces);
        routes = List.copyOf(routes);
        traffic = List.copyOf(traffic);
    }

    public DeviceProfile(String hostname, String version, String model, String serial, List<Iface> interfaces, List<StaticRoute> routes,
                         boolean filterLogins) {
        this(hostname, version, model, serial, interfaces, routes, filterLogins, List.of());
    }

    /**
     * Traffic that crosses the device ({@code lab_traffic}): {@code packet} stands for a flow and
     * arrives {@code perSecond} times a second; the device forwards or drops it by its own filters
     * and counts it on the entry that decided, as a device's hit counters do.
     */
    public record Traffic(String label, LabPacket packet, double perSecond) {
    }

    public DeviceProfile withTraffic(List<Traffic> t) {
        return new DeviceProfile(hostname, version, model, serial, interfaces, routes, filterLogins, t);
    }

    /**
     * A profile whose device admits every SSH login ({@code filterLogins} false); with it, a new
     * login is a TCP packet to port 22 that the device's own filter judges on the interface its
     * routing table reaches the client's address through, as {@code lab_filter_logins: true}.
     */
    public DeviceProfile(String hostname, String version, String model, String serial, List<Iface> interfaces, List<StaticRoute> routes) {
        this(hostname, version, model, serial, interfaces, routes, false);
    }

    public DeviceProfile withFilterLogins(boolean filter) {
        return new DeviceProfile(hostname, version, model, serial, interfaces, routes, filter, traffic);
    }

    /** A profile without static routes: the routing table holds the connected interfaces alone. */
    public DeviceProfile(String hostname, String version, String model, String serial, List<Iface> interfaces) {
        this(hostname, version, model, serial, interfaces, List.of());
    }

    /**
     * A static route of {@code lab_routes}: a prefix and where it goes, a next-hop address or an
     * interface name; the personality prints it the way its platform prints a static route.
     */
    public record StaticRoute(inet.ipaddr.IPAddress prefix, String via) {
        public boolean viaAddress() {
            return new inet.ipaddr.IPAddressString(via).isIPAddress();
        }
    }

    /**
     * One interface.
     *
     * @param address {@code a.b.c.d/len}, or null for an interface without an address
     * @param nameif the ASA's name for the interface ({@code outside}); null elsewhere
     */
    public record Iface(String name, String address, String nameif) {
    }

    /** The defaults: named after the host, every other value the platform's. */
    public static DeviceProfile of(String hostname) {
        return new DeviceProfile(hostname, null, null, null, List.of());
    }

    /**
     * A number from 1 to 254 taken from the host name (CRC-32), for default addresses
     * ({@code 10.N.0.1/24}) and serial numbers: stable across restarts, different per device.
     */
    public int octet() {
        CRC32 crc = new CRC32();
        crc.update(hostname.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 254) + 1;
    }

    public String versionOr(String platformDefault) {
        return version == null ? platformDefault : version;
    }

    public String modelOr(String platformDefault) {
        return model == null ? platformDefault : model;
    }

    /** The serial number given, or {@code prefix} and eight hex digits of the host name's CRC-32. */
    public String serialOr(String prefix) {
        if (serial != null) {
            return serial;
        }
        CRC32 crc = new CRC32();
        crc.update(hostname.getBytes(StandardCharsets.UTF_8));
        return prefix + String.format("%08X", crc.getValue());
    }

    /** The interfaces given, or {@code defaults} built for this device. */
    public List<Iface> interfacesOr(List<Iface> defaults) {
        return interfaces.isEmpty() ? defaults : interfaces;
    }

    public DeviceProfile withHostname(String h) {
        return new DeviceProfile(h, version, model, serial, interfaces, routes, filterLogins, traffic);
    }
}
