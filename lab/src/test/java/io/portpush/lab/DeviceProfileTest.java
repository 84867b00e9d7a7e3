package io.portpush.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A fleet looks like a network: devices differ by default, and take what the inventory says. */
class DeviceProfileTest {
    private static final Pattern IOS = Pattern.compile("\\S+[>#] ?$|Password: $");

    @Test
    void devicesWithoutAProfileStillDifferInAddressesAndSerials() throws Exception {
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
            LabDevice r2 = fleet.start(DeviceSpec.of("r2", "cisco_ios"));
            assertThat(DeviceProfile.of("r1").octet()).isNotEqualTo(DeviceProfile.of("r2").octet());
            String a;
            String b;
            try (LabClient c1 = new LabClient(r1, IOS); LabClient c2 = new LabClient(r2, IOS)) {
                for (LabClient c : new LabClient[] {c1, c2}) {
                    c.login();
                    c.raw("enable");
                    c.raw(DeviceSpec.DEFAULT_ENABLE);
                }
                a = c1.cmd("show running-config interface GigabitEthernet1") + c1.cmd("show version");
                b = c2.cmd("show running-config interface GigabitEthernet1") + c2.cmd("show version");
            }
            int o1 = DeviceProfile.of("r1").octet();
            assertThat(a).contains(" ip address 10." + o1 + ".0.1 255.255.255.0", "Processor board ID " + DeviceProfile.of("r1").serialOr("9"));
            assertThat(b).doesNotContain("10." + o1 + ".0.1").contains("Processor board ID " + DeviceProfile.of("r2").serialOr("9"));
        }
    }

    @Test
    void theInventoryGivesNameVersionAndInterfacesOnEveryPlatform() throws Exception {
        Map<String, Object> ifaces = new LinkedHashMap<>();
        ifaces.put("GigabitEthernet1", "192.0.2.1/28");
        ifaces.put("GigabitEthernet2", null);
        Map<String, Object> vars = Map.of("lab_version", "17.6.5", "lab_serial", "FDO1234X0AB", "lab_interfaces", ifaces);
        DeviceProfile p = LabInventory.profile("edge1", vars, "inv.yml");
        Map<String, Object> asaIfaces = new LinkedHashMap<>();
        asaIfaces.put("GigabitEthernet0/0", Map.of("address", "203.0.113.2/29", "nameif", "outside"));
        asaIfaces.put("GigabitEthernet0/1", Map.of("address", "10.20.0.1/16", "nameif", "inside"));
        DeviceProfile asa = LabInventory.profile("fw9", Map.of("lab_version", "9.16(4)", "lab_interfaces", asaIfaces), "inv.yml");
        DeviceProfile junos = LabInventory.profile("mx9", Map.of("lab_version", "21.2R3-S4.8", "lab_model", "mx204",
                "lab_interfaces", Map.of("xe-0/0/0", "198.51.100.9/31")), "inv.yml");
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice ios = fleet.start(DeviceSpec.of("edge1", "cisco_ios").withProfile(p));
            LabDevice fw = fleet.start(DeviceSpec.of("fw9", "cisco_asa").withProfile(asa));
            LabDevice mx = fleet.start(DeviceSpec.of("mx9", "juniper_junos").withProfile(junos));
            try (LabClient c = new LabClient(ios, IOS)) {
                c.login();
                assertThat(c.cmd("show version")).contains("Cisco IOS XE Software, Version 17.06.05", "Version 17.6.5, RELEASE SOFTWARE",
                        "Processor board ID FDO1234X0AB", "2 Gigabit Ethernet interfaces");
                c.raw("enable");
                c.raw(DeviceSpec.DEFAULT_ENABLE);
                assertThat(c.cmd("show ip interface")).contains("Internet address is 192.0.2.1/28");
            }
            assertThat(ios.personality().savedConfig()).contains("version 17.6\n").doesNotContain("Loopback0");
            assertThat(fw.personality().savedConfig()).contains("ASA Version 9.16(4)", "nameif outside",
                    "ip address 203.0.113.2 255.255.255.248", "ip address 10.20.0.1 255.255.0.0").doesNotContain("dmz");
            assertThat(mx.personality().savedConfig()).contains("set interfaces xe-0/0/0 unit 0 family inet address 198.51.100.9/31")
                    .doesNotContain("ge-0/0/0");
            try (LabClient c = new LabClient(mx, Pattern.compile("(\r?\n\\[edit[^\\]]*\\]\r?\n)?admin@mx9[>#] $"))) {
                c.login();
                assertThat(c.cmd("show version")).contains("Model: mx204", "Junos: 21.2R3-S4.8");
            }
        }
    }

    @Test
    void anAddressWithoutPrefixLengthNamesTheHostAndInterface() {
        assertThatThrownBy(() -> LabInventory.profile("r7", Map.of("lab_interfaces", Map.of("GigabitEthernet1", "10.1.1.1")), "hosts.yml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("hosts.yml").hasMessageContaining("r7.lab_interfaces.GigabitEthernet1")
                .hasMessageContaining("'10.1.1.1' is not an IPv4 address with a prefix length");
        assertThatThrownBy(() -> LabInventory.profile("r7", Map.of("lab_interfaces", "Gi1"), "hosts.yml"))
                .hasMessageContaining("r7.lab_interfaces");
    }

    @Test
    void routesComeFromTheInventoryAndEachPlatformPrintsItsOwnTable() throws Exception {
        Map<String, Object> ifaces = new LinkedHashMap<>();
        ifaces.put("GigabitEthernet1", "203.0.113.2/30");
        ifaces.put("GigabitEthernet2", "10.10.1.1/24");
        Map<String, Object> routes = new LinkedHashMap<>();
        routes.put("0.0.0.0/0", "203.0.113.1");
        routes.put("10.20.0.0/16", "10.10.1.254");
        routes.put("10.20.1.0/24", "10.10.1.253");
        DeviceProfile p = LabInventory.profile("edge1", Map.of("lab_interfaces", ifaces, "lab_routes", routes), "inv.yml");
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice ios = fleet.start(DeviceSpec.of("edge1", "cisco_ios").withProfile(p));
            try (LabClient c = new LabClient(ios, IOS)) {
                c.login();
                c.raw("enable");
                c.raw(DeviceSpec.DEFAULT_ENABLE);
                String table = c.cmd("show ip route");
                // the layout of IOS-XE: legend, gateway, a major network's routes under one header
                assertThat(table).contains("Gateway of last resort is 203.0.113.1 to network 0.0.0.0\n",
                        "S*    0.0.0.0/0 [1/0] via 203.0.113.1\n",
                        "      10.0.0.0/8 is variably subnetted, 4 subnets, 3 masks\n",
                        "C        10.10.1.0/24 is directly connected, GigabitEthernet2\n",
                        "L        10.10.1.1/32 is directly connected, GigabitEthernet2\n",
                        "S        10.20.0.0/16 [1/0] via 10.10.1.254\n",
                        "      203.0.113.0/24 is variably subnetted, 2 subnets, 2 masks\n",
                        "C        203.0.113.0/30 is directly connected, GigabitEthernet1\n");
            }
        }
        assertThatThrownBy(() -> LabInventory.profile("r7", Map.of("lab_routes", Map.of("10.20.0.0", "10.1.1.1")), "hosts.yml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hosts.yml").hasMessageContaining("r7.lab_routes.10.20.0.0")
                .hasMessageContaining("is not an IPv4 prefix with its length");
    }

    @Test
    void labTrafficTakesItsPacketsFromTheCatalogueAndTheRoles() {
        java.util.function.Supplier<io.portpush.core.catalogue.Catalogue> cat = () -> new io.portpush.core.catalogue.CatalogueLoader()
                .load(java.util.List.of());
        Map<String, Object> vars = Map.of("roles", Map.of("xmpp-client", java.util.List.of("198.51.100.0/24"), "imp-node",
                        java.util.List.of("10.10.1.0/24"), "sip-gateway", java.util.List.of("192.0.2.5/32")),
                "lab_traffic", java.util.List.of(Map.of("flow", "xcp.client-access", "rate", "20/s"),
                        Map.of("flow", "sip-proxy.default-listener", "rate", "90/min")));
        java.util.List<DeviceProfile.Traffic> t = LabInventory.traffic("r1", vars, "inv.yml", cat);
        assertThat(t).hasSize(2);
        assertThat(t.get(0).packet()).isEqualTo(LabPacket.tcpSyn(new inet.ipaddr.IPAddressString("198.51.100.10").getAddress(), 40000,
                new inet.ipaddr.IPAddressString("10.10.1.20").getAddress(), 5222));
        assertThat(t.get(0).perSecond()).isEqualTo(20.0);
        // a host address is used as it is; tcp+udp flows are sent as tcp; a rate per minute
        assertThat(t.get(1).packet().source().toString()).isEqualTo("192.0.2.5");
        assertThat(t.get(1).packet().destinationPort()).isEqualTo(5060);
        assertThat(t.get(1).perSecond()).isEqualTo(1.5);
        assertThatThrownBy(() -> LabInventory.traffic("r1", Map.of("lab_traffic", java.util.List.of(Map.of("flow", "xcp.nope"))), "inv.yml", cat))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inv.yml").hasMessageContaining("r1.lab_traffic[0].flow")
                .hasMessageContaining("'xcp.nope' is not a flow of the catalogue");
        assertThatThrownBy(() -> LabInventory.traffic("r1", Map.of("lab_traffic", java.util.List.of(Map.of("flow", "xcp.client-access",
                "rate", "fast"))), "inv.yml", cat)).hasMessageContaining("r1.lab_traffic[0].rate");
        assertThatThrownBy(() -> LabInventory.traffic("r1", Map.of("lab_traffic", java.util.List.of(Map.of("flow", "xcp.client-access"))),
                "inv.yml", cat)).hasMessageContaining("the flow's role 'xmpp-client' has no IPv4 address");
    }
}
