package io.portpush.lab.ios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The running configuration of a simulated IOS-XE router: the parts portpush touches. */
final class IosConfig {
    /** snmp-server community strings and their access (RO/RW). */
    final java.util.Map<String, String> snmpCommunities = new TreeMap<>();
    /** Local users: name -> the stored secret line tail ("privilege 15 secret 9 $9$..."). */
    final java.util.Map<String, String> users = new TreeMap<>();
    static final class Ace {
        final int seq;
        final String text;
        long matches;

        Ace(int seq, String text) {
            this.seq = seq;
            this.text = text;
        }
    }

    static final class Acl {
        final String name;
        /** A standard list (source address only) rather than an extended one. */
        final boolean standard;
        final TreeMap<Integer, Ace> entries = new TreeMap<>();

        Acl(String name) {
            this(name, false);
        }

        Acl(String name, boolean standard) {
            this.name = name;
            this.standard = standard;
        }

        boolean numbered() {
            return name.matches("\\d+");
        }

        int nextSeq() {
            return entries.isEmpty() ? 10 : (entries.lastKey() / 10 + 1) * 10;
        }
    }

    static final class Interface {
        final String name;
        String description;
        String address;
        String mask;
        String aclIn;
        String aclOut;
        String policyIn;
        String policyOut;
        boolean shutdown;

        Interface(String name) {
            this.name = name;
        }
    }

    static final class ClassMap {
        final String name;
        String matchType;
        final List<String> matches = new ArrayList<>();

        ClassMap(String name, String matchType) {
            this.name = name;
            this.matchType = matchType;
        }
    }

    static final class PolicyMap {
        final String name;
        final Map<String, List<String>> classes = new LinkedHashMap<>();

        PolicyMap(String name) {
            this.name = name;
        }
    }

    /** An object-group: network (hosts, subnets) or service (protocol and ports). */
    static final class ObjectGroup {
        final String type;
        final List<String> members = new ArrayList<>();

        ObjectGroup(String type) {
            this.type = type;
        }
    }

    final Map<String, ObjectGroup> objectGroups = new LinkedHashMap<>();
    String hostname;
    final Map<String, Acl> acls = new LinkedHashMap<>();
    final Map<String, Interface> interfaces = new LinkedHashMap<>();
    final Map<String, ClassMap> classMaps = new LinkedHashMap<>();
    final Map<String, PolicyMap> policyMaps = new LinkedHashMap<>();
    String startup = "";
    Instant lastChange = Instant.now();
    String lastChangeBy = "console";

    /** The device's interfaces from its profile, or four GigabitEthernets and a loopback with addresses of its own. */
    IosConfig(io.portpush.lab.DeviceProfile profile) {
        this.hostname = profile.hostname();
        int o = profile.octet();
        List<io.portpush.lab.DeviceProfile.Iface> defaults = List.of(
                new io.portpush.lab.DeviceProfile.Iface("GigabitEthernet1", "10." + o + ".0.1/24", null),
                new io.portpush.lab.DeviceProfile.Iface("GigabitEthernet2", null, null),
                new io.portpush.lab.DeviceProfile.Iface("GigabitEthernet3", null, null),
                new io.portpush.lab.DeviceProfile.Iface("GigabitEthernet4", null, null),
                new io.portpush.lab.DeviceProfile.Iface("Loopback0", "10.255." + o + ".1/32", null));
        for (io.portpush.lab.DeviceProfile.Iface f : profile.interfacesOr(defaults)) {
            Interface itf = new Interface(f.name());
            if (f.address() != null) {
                inet.ipaddr.IPAddress a = new inet.ipaddr.IPAddressString(f.address()).getAddress();
                itf.address = a.withoutPrefixLength().toString();
                itf.mask = a.getNetworkMask().withoutPrefixLength().toString();
            } else {
                itf.shutdown = true;
            }
            interfaces.put(itf.name, itf);
        }
    }

    /** Takes every part of {@code fresh} (a configuration replace starts from the device's bare state). */
    void reset(IosConfig fresh) {
        snmpCommunities.clear();
        users.clear();
        objectGroups.clear();
        acls.clear();
        interfaces.clear();
        interfaces.putAll(fresh.interfaces);
        classMaps.clear();
        policyMaps.clear();
        hostname = fresh.hostname;
    }

    void changed(String by) {
        lastChange = Instant.now();
        lastChangeBy = by;
    }
}
