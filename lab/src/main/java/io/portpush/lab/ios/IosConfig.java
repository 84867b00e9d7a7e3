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

    IosConfig(String hostname) {
        this.hostname = hostname;
        for (int i = 1; i <= 4; i++) {
            Interface itf = new Interface("GigabitEthernet" + i);
            if (i == 1) {
                itf.address = "10.0.0.1";
                itf.mask = "255.255.255.0";
            } else {
                itf.shutdown = true;
            }
            interfaces.put(itf.name, itf);
        }
        Interface lo = new Interface("Loopback0");
        lo.address = "10.255.255.1";
        lo.mask = "255.255.255.255";
        interfaces.put(lo.name, lo);
    }

    void changed(String by) {
        lastChange = Instant.now();
        lastChangeBy = by;
    }
}
