package io.portpush.cli.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.policy.AclEntry;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabClient;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.platform.Platforms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lab router, configured with the entry forms the real-output corpus holds, prints them so
 * that the product's reader reads every line, with the meaning that was typed. The lab and the
 * reader share no table or code (lab does not depend on modules), so agreement here is evidence,
 * not an echo.
 */
class LabPrintsWhatReadersReadTest {
    private LabFleet fleet;
    private LabDevice r1;

    @BeforeEach
    void start() {
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("R1", "cisco_ios"));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private static LabClient enabled(LabDevice device, Pattern prompt) throws Exception {
        LabClient c = new LabClient(device, prompt);
        c.login();
        c.raw("enable");
        c.raw(DeviceSpec.DEFAULT_ENABLE);
        return c;
    }

    /** The lines the device refused (an IOS "%" or ASA "ERROR:" answer), each with its answer. */
    private static List<String> refused(LabClient c, String prefix, java.util.Collection<String> typed) throws Exception {
        List<String> out = new ArrayList<>();
        for (String t : typed) {
            String answer = c.cmd(prefix + t);
            if (answer.contains("%") || answer.contains("ERROR")) {
                out.add(t + " -> " + answer.strip());
            }
        }
        return out;
    }

    @Test
    void everyConfiguredFormReadsBackWithItsMeaning() throws Exception {
        Map<String, String> typedToMeaning = new java.util.LinkedHashMap<>();
        typedToMeaning.put("permit icmp any any echo", "permit icmp any -> any icmp 8");
        typedToMeaning.put("permit icmp any any echo-reply", "permit icmp any -> any icmp 0");
        typedToMeaning.put("permit icmp any any packet-too-big", "permit icmp any -> any icmp 3/4");
        typedToMeaning.put("permit tcp 10.0.0.0 0.255.255.255 any eq 22 23", "permit tcp 10.0.0.0/8 -> any:22-23");
        typedToMeaning.put("permit udp any range 16384 32767 10.1.1.0 0.0.0.255", "permit udp any:16384-32767 -> 10.1.1.0/24");
        typedToMeaning.put("permit tcp any any gt 1023 established", "permit tcp any -> any:1024-65535 established");
        typedToMeaning.put("permit ip any any dscp ef", "permit ip any -> any dscp 46");
        typedToMeaning.put("deny ip any any fragments", "deny ip any -> any fragments");
        typedToMeaning.put("permit tcp any any eq www time-range WORK", "permit tcp any -> any:80 time-range WORK");
        typedToMeaning.put("permit esp any any", "permit 50 any -> any");
        typedToMeaning.put("deny ip any any log-input", "deny ip any -> any log log-input");
        List<String> unaccepted;
        String show;
        String standardShow;
        List<String> standard;
        try (LabClient c = enabled(r1, Pattern.compile("R1(\\([\\w-]+\\))?[>#] ?$|Password: $"))) {
            c.cmd("configure terminal");
            c.cmd("ip access-list extended FORMS");
            unaccepted = refused(c, "", typedToMeaning.keySet());
            c.cmd("exit");
            c.cmd("ip access-list standard STD");
            standard = List.of(c.cmd("permit 10.1.2.0 0.0.0.255"), c.cmd("deny host 10.9.9.9"), c.cmd("deny any log"));
            c.cmd("end");
            show = c.cmd("show ip access-lists FORMS");
            standardShow = c.cmd("show ip access-lists STD");
        }
        assertThat(standard).as("standard entries the lab router refuses").noneMatch(a -> a.contains("%"));
        assertThat(Platforms.readAcls("cisco_ios", "show ip access-lists STD", standardShow).orElseThrow().get("STD"))
                .as(standardShow).extracting(AclEntry::describe)
                .containsExactly("permit ip 10.1.2.0/24 -> any", "deny ip 10.9.9.9/32 -> any", "deny ip any -> any log");
        assertThat(unaccepted).as("forms of the corpus the lab router refuses").isEmpty();
        List<AclEntry> read = Platforms.readAcls("cisco_ios", "show ip access-lists FORMS", show).orElseThrow().get("FORMS");
        assertThat(read).as(show).noneMatch(AclEntry::unrecognised);
        assertThat(read).extracting(AclEntry::describe).containsExactlyElementsOf(typedToMeaning.values());
    }

    @Test
    void theLabFirewallPrintsShowAccessListAsTheReaderReadsIt() throws Exception {
        LabDevice fw = fleet.start(DeviceSpec.of("fw1", "cisco_asa"));
        Map<String, String> typedToMeaning = new java.util.LinkedHashMap<>();
        typedToMeaning.put("permit icmp any any echo", "permit icmp any -> any icmp 8");
        typedToMeaning.put("permit tcp 192.0.2.0 255.255.255.0 host 10.10.1.5 eq www", "permit tcp 192.0.2.0/24 -> 10.10.1.5/32:80");
        typedToMeaning.put("permit udp any4 host 10.10.1.5 range 5060 5061 log", "permit udp any -> 10.10.1.5/32:5060-5061 log");
        typedToMeaning.put("permit tcp any any gt 1023", "permit tcp any -> any:1024-65535");
        typedToMeaning.put("deny ip any any log disable", "deny ip any -> any");
        List<String> unaccepted;
        String show;
        try (LabClient c = enabled(fw, Pattern.compile("fw1(\\([\\w-]+\\))?[>#] $|Password: $|\\]\\? $"))) {
            c.cmd("terminal pager 0");
            c.cmd("configure terminal");
            unaccepted = refused(c, "access-list FORMS extended ", typedToMeaning.keySet());
            c.cmd("end");
            show = c.cmd("show access-list FORMS");
        }
        assertThat(unaccepted).as("forms of the corpus the lab firewall refuses").isEmpty();
        List<AclEntry> read = Platforms.readAcls("cisco_asa", "show access-list FORMS", show).orElseThrow().get("FORMS");
        assertThat(read).as(show).noneMatch(AclEntry::unrecognised);
        assertThat(read).as(show).extracting(AclEntry::describe).containsExactlyElementsOf(typedToMeaning.values());
    }

    @Test
    void theLabSwitchPrintsShowIpAccessListsAsTheReaderReadsIt() throws Exception {
        LabDevice sw = fleet.start(DeviceSpec.of("sw1", "arista_eos"));
        Map<String, String> typedToMeaning = new java.util.LinkedHashMap<>();
        // the forms of the EOS corpus: several ports after one eq, names for well-known ports, prefixes, qualifiers
        typedToMeaning.put("permit tcp any any eq 22 23 80 161 179 443", "permit tcp any -> any:22-23,80,161,179,443");
        typedToMeaning.put("permit udp any any eq bootps bootpc", "permit udp any -> any:67-68");
        typedToMeaning.put("permit tcp 10.10.20.0/24 any", "permit tcp 10.10.20.0/24 -> any");
        typedToMeaning.put("permit ip 10.30.10.0/24 host 10.20.10.1", "permit ip 10.30.10.0/24 -> 10.20.10.1/32");
        typedToMeaning.put("deny pim 239.24.124.0/24 10.5.8.4/30", "deny 103 239.24.124.0/24 -> 10.5.8.4/30");
        typedToMeaning.put("permit tcp any any range 5900 5910", "permit tcp any -> any:5900-5910");
        typedToMeaning.put("permit tcp any any eq mlag ttl eq 255", "permit tcp any -> any:4432 ttl eq 255");
        typedToMeaning.put("deny ip 11.1.1.0/24 any dscp af11", "deny ip 11.1.1.0/24 -> any dscp 10");
        typedToMeaning.put("permit ip 1.1.1.0/30 any fragments log", "permit ip 1.1.1.0/30 -> any log fragments");
        typedToMeaning.put("permit tcp 10.10.1.0/24 eq 5222 198.51.100.0/24 established", "permit tcp 10.10.1.0/24:5222 -> 198.51.100.0/24 established");
        typedToMeaning.put("permit ip any any tracked", "permit ip any -> any tracked");
        List<String> unaccepted;
        String show;
        try (LabClient c = enabled(sw, Pattern.compile("sw1(\\([\\w.\\-/:]+\\))?[>#] ?$|Password: $"))) {
            c.cmd("configure");
            c.cmd("ip access-list FORMS");
            unaccepted = refused(c, "", typedToMeaning.keySet());
            c.cmd("exit");
            c.cmd("end");
            show = c.cmd("show ip access-lists FORMS");
        }
        assertThat(unaccepted).as("forms of the corpus the lab switch refuses").isEmpty();
        List<AclEntry> read = Platforms.readAcls("arista_eos", "show ip access-lists FORMS", show).orElseThrow().get("FORMS");
        assertThat(read).as(show).noneMatch(AclEntry::unrecognised);
        assertThat(read).as(show).extracting(AclEntry::describe).containsExactlyElementsOf(typedToMeaning.values());
    }

    @Test
    void theLabNexusPrintsShowIpAccessListsAsTheReaderReadsIt() throws Exception {
        LabDevice nx = fleet.start(DeviceSpec.of("nx1", "cisco_nxos"));
        Map<String, String> typedToMeaning = new java.util.LinkedHashMap<>();
        // the forms of the NX-OS corpus: prefixes with host bits, wildcards, host as /32, www, ranges by name, ttl, precedence
        typedToMeaning.put("permit ip 1.1.1.1/24 any ttl 200", "permit ip 1.1.1.0/24 -> any ttl eq 200");
        typedToMeaning.put("permit tcp 1.1.1.1/32 range time bgp any", "permit tcp 1.1.1.1/32:37-179 -> any");
        typedToMeaning.put("permit tcp 192.168.1.0 0.0.0.255 host 10.4.1.1 established log", "permit tcp 192.168.1.0/24 -> 10.4.1.1/32 established log");
        typedToMeaning.put("permit tcp 10.16.2.2/32 eq 80 any precedence network ttl 255", "permit tcp 10.16.2.2/32:80 -> any precedence 7 ttl eq 255");
        typedToMeaning.put("permit udp any 224.0.0.0/24 eq 1985", "permit udp any -> 224.0.0.0/24:1985");
        typedToMeaning.put("permit eigrp any any", "permit 88 any -> any");
        typedToMeaning.put("deny ip any any", "deny ip any -> any");
        List<String> unaccepted;
        String show;
        try (LabClient c = new LabClient(nx, Pattern.compile("nx1(\\([\\w-]+\\))?# ?$"))) {
            c.login();
            c.cmd("configure terminal");
            c.cmd("ip access-list FORMS");
            unaccepted = refused(c, "", typedToMeaning.keySet());
            c.cmd("end");
            show = c.cmd("show ip access-lists FORMS");
        }
        assertThat(unaccepted).as("forms of the corpus the lab switch refuses").isEmpty();
        List<AclEntry> read = Platforms.readAcls("cisco_nxos", "show ip access-lists FORMS", show).orElseThrow().get("FORMS");
        assertThat(read).as(show).noneMatch(AclEntry::unrecognised);
        assertThat(read).as(show).extracting(AclEntry::describe).containsExactlyElementsOf(typedToMeaning.values());
    }
}
