package io.portpush.lab.ios;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.lab.DeviceSpec;
import io.portpush.lab.Faults;
import io.portpush.lab.LabClient;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IosPersonalityTest {
    static final Pattern PROMPT = Pattern.compile("R1(\\([\\w-]+\\))?[>#] ?$|Password: $|\\]\\? $");
    // a fresh device for every test: no assertion may depend on what another test configured
    LabFleet fleet;
    LabDevice r1;

    @org.junit.jupiter.api.BeforeEach
    void start() {
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("R1", "cisco_ios"));
    }

    @org.junit.jupiter.api.AfterEach
    void stop() {
        fleet.close();
    }

    private LabClient enabled() throws Exception {
        LabClient c = new LabClient(r1, PROMPT);
        assertThat(c.login()).endsWith("R1>");
        assertThat(c.raw("enable")).endsWith("Password: ");
        assertThat(c.raw(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE)).endsWith("R1#");
        c.cmd("terminal length 0");
        return c;
    }

    @Test
    void loginEnableAndPrivilege() throws Exception {
        try (LabClient c = new LabClient(r1, PROMPT)) {
            assertThat(c.login()).contains("Cisco IOS-XE").endsWith("R1>");
            assertThat(c.cmd("show privilege")).isEqualTo("Current privilege level is 1\n");
            assertThat(c.raw("en")).endsWith("Password: ");
            assertThat(c.raw("wrong")).isEqualTo("\n% Bad secrets\n\nR1>");
            assertThat(c.raw("enable")).endsWith("Password: ");
            String afterSecret = c.raw(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE);
            assertThat(afterSecret).doesNotContain("enable").endsWith("R1#");
            assertThat(c.cmd("show privilege")).isEqualTo("Current privilege level is 15\n");
        }
        // the secret is never in the command log
        assertThat(r1.log().entries()).extracting(e -> e.line()).contains("<secret>").doesNotContain("wrong");
    }

    @Test
    void echoOutputAndPromptComeInOneWriteWithPromptLast() throws Exception {
        try (LabClient c = enabled()) {
            String raw = c.raw("show privilege");
            assertThat(raw).isEqualTo("show privilege\nCurrent privilege level is 15\nR1#");
        }
    }

    @Test
    void showVersionLooksLikeIosXe() throws Exception {
        try (LabClient c = enabled()) {
            String v = c.cmd("sh ver");
            assertThat(v).startsWith("Cisco IOS XE Software, Version 17.09.04a")
                    .contains("R1 uptime is 1 day, 2 hours")
                    .contains("cisco C8000V (VXE) processor")
                    .contains("Configuration register is 0x2102")
                    .doesNotContain("% Error", "Invalid input", "not found", "error:");
        }
    }

    @Test
    void invalidInputPutsTheCaretUnderTheBadWord() throws Exception {
        try (LabClient c = enabled()) {
            assertThat(c.cmd("show vlan")).isEqualTo("        ^\n% Invalid input detected at '^' marker.\n\n");
            assertThat(c.cmd("show switch virtual")).startsWith("        ^\n% Invalid");
            assertThat(c.cmd("sh ip acess-lists")).isEqualTo("         ^\n% Invalid input detected at '^' marker.\n\n");
            assertThat(c.cmd("show")).isEqualTo("% Incomplete command.\n\n");
            assertThat(c.cmd("sh p")).isEqualTo("% Ambiguous command:  \"sh p\"\n");
        }
    }

    @Test
    void namedAclWithSequenceNumbersBindingAndShowFormats() throws Exception {
        try (LabClient c = enabled()) {
            assertThat(c.raw("conf t")).endsWith("R1(config)#");
            assertThat(c.raw("ip access-list extended EDGE-T1")).endsWith("R1(config-ext-nacl)#");
            c.cmd("5 remark portpush xcp.client-access");
            c.cmd("10 permit tcp 192.0.2.0 0.0.0.255 host 10.10.1.5 eq 5222");
            c.cmd("20 permit udp 192.0.2.7 0.0.0.0 10.10.1.0 0.0.0.255 eq 53 123");
            c.cmd("permit tcp any any established");
            c.cmd("deny ip any any log");
            assertThat(c.cmd("permit tcp any hots 1.2.3.4")).isEqualTo("                                   ^\n% Invalid input detected at '^' marker.\n\n");
            assertThat(c.cmd("permit tcp any")).isEqualTo("% Incomplete command.\n\n");
            c.cmd("no 20");
            c.cmd("15 permit tcp any host 10.10.1.5 eq www");
            c.cmd("exit");
            assertThat(c.raw("interface Gi2")).endsWith("R1(config-if)#");
            c.cmd("ip address 192.168.2.1 255.255.255.0");
            c.cmd("ip access-group EDGE-T1 in");
            assertThat(c.raw("end")).endsWith("R1#");

            assertThat(c.cmd("show ip access-lists EDGE-T1")).isEqualTo("""
                    Extended IP access list EDGE-T1
                        10 permit tcp 192.0.2.0 0.0.0.255 host 10.10.1.5 eq 5222
                        15 permit tcp any host 10.10.1.5 eq www
                        30 permit tcp any any established
                        40 deny ip any any log
                    """);
            assertThat(c.cmd("show running-config | section ip access-list extended EDGE-T1")).isEqualTo("""
                    ip access-list extended EDGE-T1
                     5 remark portpush xcp.client-access
                     10 permit tcp 192.0.2.0 0.0.0.255 host 10.10.1.5 eq 5222
                     15 permit tcp any host 10.10.1.5 eq www
                     30 permit tcp any any established
                     40 deny   ip any any log
                    """.replace(" 5 remark", " 5 remark"));
            assertThat(c.cmd("show ip interface GigabitEthernet2 | include access list"))
                    .contains("Inbound  access list is EDGE-T1").contains("Outgoing access list is not set");
            assertThat(c.cmd("sh run int gi2")).contains("interface GigabitEthernet2\n ip address 192.168.2.1 255.255.255.0\n ip access-group EDGE-T1 in\n");
        }
    }

    @Test
    void mqcPolicyRendersInShowPolicyMapInterface() throws Exception {
        try (LabClient c = enabled()) {
            c.cmd("configure terminal");
            c.cmd("ip access-list extended QOS-SIP");
            c.cmd("permit tcp any any eq 5060");
            assertThat(c.raw("class-map match-any IMP-SIGNALLING")).endsWith("R1(config-cmap)#");
            c.cmd("match access-group name QOS-SIP");
            c.cmd("exit");
            assertThat(c.raw("policy-map IMP-QOS")).endsWith("R1(config-pmap)#");
            assertThat(c.raw("class IMP-SIGNALLING")).endsWith("R1(config-pmap-c)#");
            c.cmd("set dscp cs3");
            c.cmd("exit");
            c.cmd("exit");
            c.cmd("interface GigabitEthernet3");
            assertThat(c.cmd("service-policy output NOPE")).isEqualTo("policy map NOPE not configured\n");
            c.cmd("service-policy output IMP-QOS");
            c.cmd("end");
            String out = c.cmd("show policy-map interface GigabitEthernet3");
            assertThat(out).contains(" GigabitEthernet3 \n\n  Service-policy output: IMP-QOS\n\n    Class-map: IMP-SIGNALLING (match-any)  \n")
                    .contains("      Match: access-group name QOS-SIP \n      QoS Set\n        dscp cs3\n          Packets marked 0\n")
                    .contains("    Class-map: class-default (match-any)  \n");
            assertThat(c.cmd("show class-map IMP-SIGNALLING")).contains(" Class Map match-any IMP-SIGNALLING").contains("   Match access-group name QOS-SIP ");
        }
    }

    @Test
    void globalCommandInSubModeLeavesTheSubMode() throws Exception {
        try (LabClient c = enabled()) {
            c.cmd("conf t");
            c.cmd("ip access-list extended T2");
            assertThat(c.raw("interface Gi4")).endsWith("R1(config-if)#");
            assertThat(c.raw("do show privilege")).contains("Current privilege level is 15").endsWith("R1(config-if)#");
            // a sub-mode that knows the first word ("no" in an ACL) still runs the global command
            // (found by Ansible's ios_acls overridden, which removes other lists from inside one)
            c.cmd("ip access-list extended STALE");
            c.cmd("10 deny ip any any");
            c.cmd("ip access-list extended KEEP");
            assertThat(c.raw("no ip access-list extended STALE")).endsWith("R1(config)#");
            assertThat(c.raw("ip access-list extended KEEP")).endsWith("R1(config-ext-nacl)#");
            assertThat(c.raw("no 99 permit ip any any bogus")).contains("% Invalid input detected at '^' marker.")
                    .endsWith("R1(config-ext-nacl)#");
            c.cmd("end");
            assertThat(r1.personality().savedConfig()).doesNotContain("STALE").contains("ip access-list extended KEEP");
        }
    }

    @Test
    void typeAheadIsQueuedAndCopyAsksForTheDestination() throws Exception {
        try (LabClient c = enabled()) {
            c.shell.write("show privilege\nshow privilege\n");
            String all = c.raw("show privilege");
            // the answers queued behind the first one arrive in order, none lost
            while (all.split("Current privilege level is 15", -1).length < 4) {
                all += c.shell.readUntil(PROMPT, java.time.Duration.ofSeconds(5)).replace("\r", "");
            }
            assertThat(all).isEqualTo("show privilege\nCurrent privilege level is 15\nR1#".repeat(3));
            assertThat(c.raw("copy running-config startup-config")).endsWith("Destination filename [startup-config]? ");
            assertThat(c.raw("")).contains("Building configuration...\n[OK]").endsWith("R1#");
            assertThat(c.cmd("write memory")).isEqualTo("Building configuration...\n[OK]\n");
            assertThat(c.cmd("show startup-config | include hostname")).isEqualTo("hostname R1\n");
        }
    }

    @Test
    void ignoredLineFaultAcceptsButDoesNotApply() throws Exception {
        r1.faults(Faults.NONE.withIgnoredLine("eq 9999"));
        try (LabClient c = enabled()) {
            c.cmd("conf t");
            c.cmd("ip access-list extended T3");
            assertThat(c.cmd("permit tcp any any eq 9999")).isEmpty();
            c.cmd("permit tcp any any eq 9998");
            c.cmd("end");
            assertThat(c.cmd("show access-lists T3")).contains("9998").doesNotContain("9999");
        } finally {
            r1.faults(Faults.NONE);
        }
    }

    @Test
    void objectGroupsForNetworksAndServices() throws Exception {
        try (LabClient c = enabled()) {
            c.cmd("conf t");
            assertThat(c.raw("object-group network IMP-NODES")).endsWith("R1(config-network-group)#");
            c.cmd("host 10.10.1.5");
            c.cmd("10.10.2.77 255.255.255.0");
            c.cmd("exit");
            assertThat(c.raw("object-group service IMP-XMPP")).endsWith("R1(config-service-group)#");
            c.cmd("tcp eq 5222");
            c.cmd("tcp-udp eq 5060");
            c.cmd("exit");
            c.cmd("ip access-list extended OG");
            c.cmd("10 permit object-group IMP-XMPP any object-group IMP-NODES");
            assertThat(c.cmd("20 permit tcp any object-group NOPE eq 22")).contains("% Invalid input detected");
            c.cmd("end");
            assertThat(c.cmd("show running-config | section object-group network IMP-NODES"))
                    .isEqualTo("object-group network IMP-NODES\n host 10.10.1.5\n 10.10.2.0 255.255.255.0\n");
            assertThat(c.cmd("show running-config | section object-group service")).contains(" tcp eq 5222\n tcp-udp eq 5060\n");
            assertThat(c.cmd("show ip access-lists OG")).contains("    10 permit object-group IMP-XMPP any object-group IMP-NODES\n");
        }
    }

    @Test
    void namedStandardListsInTheLayoutsIosPrints() throws Exception {
        // layouts of real show output (ntc-templates field samples: "    30 deny   192.168.1.0, wildcard bits 0.0.0.255")
        try (LabClient c = enabled()) {
            c.cmd("conf t");
            assertThat(c.raw("ip access-list standard MGMT")).endsWith("R1(config-std-nacl)#");
            c.cmd("permit 10.1.2.7 0.0.0.255");
            c.cmd("20 deny host 10.9.9.9");
            c.cmd("deny any log");
            assertThat(c.cmd("permit 10.1.2.0 0.0.0.255 established")).contains("% Invalid input detected");
            c.cmd("exit");
            assertThat(c.cmd("ip access-list extended MGMT")).contains("standard IP access list with this name already exists");
            c.cmd("end");
            assertThat(c.cmd("show ip access-lists MGMT")).isEqualTo("""
                    Standard IP access list MGMT
                        10 permit 10.1.2.0, wildcard bits 0.0.0.255
                        20 deny   10.9.9.9
                        30 deny   any log
                    """);
            assertThat(c.cmd("show running-config | section ip access-list standard MGMT"))
                    .isEqualTo("ip access-list standard MGMT\n 10 permit 10.1.2.0 0.0.0.255\n 20 deny   10.9.9.9\n 30 deny   any log\n");
        }
    }

    @Test
    void revertTimerRollsBackToTheArchiveUnlessConfirmed() throws Exception {
        fleet.close();
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("R1", "cisco_ios").withMinute(io.portpush.lab.TimeScale.of(java.time.Duration.ofMillis(400))));
        try (LabClient c = enabled()) {
            String before = c.cmd("show running-config | section access-list");
            String armed = c.cmd("conf t revert timer 1");
            assertThat(armed).matches("(?s)Rollback Confirmed Change: Backing up current running config to "
                    + "bootflash:archive-[A-Z][a-z]{2}-[-\\d]\\d-\\d\\d-\\d\\d-\\d\\d\\.\\d{3}-0\n\nEnter configuration commands, one per line.  End with CNTL/Z.\n");
            c.cmd("ip access-list extended EDGE");
            c.cmd("permit tcp any any eq 5222");
            c.cmd("end");
            assertThat(c.cmd("show running-config | section access-list")).contains("EDGE");
            assertThat(c.cmd("show archive")).contains("There are currently 1 archive configurations saved.", "bootflash:archive-")
                    .contains("<- Most Recent");
            long deadline = System.currentTimeMillis() + io.portpush.lab.TimeScale.millis(10_000);
            while (System.currentTimeMillis() < deadline && c.cmd("show running-config | section access-list").contains("EDGE")) {
                Thread.sleep(50);
            }
            // nobody confirmed: the router replaced its configuration with the archive, as configure replace does
            assertThat(c.cmd("show running-config | section access-list")).isEqualTo(before);

            // confirmed in time: the change stays past the timer
            c.cmd("configure terminal revert timer 1");
            c.cmd("ip access-list extended KEEP");
            c.cmd("permit udp any any eq 5060");
            c.cmd("end");
            c.cmd("configure confirm");
            Thread.sleep(io.portpush.lab.TimeScale.millis(900));
            assertThat(c.cmd("show running-config | section access-list")).contains("KEEP");
            assertThat(c.cmd("show archive")).contains("There are currently 2 archive configurations saved.");

            // revert now: back at once to what the archive holds
            c.cmd("configure terminal revert timer 5");
            c.cmd("no ip access-list extended KEEP");
            c.cmd("end");
            assertThat(c.cmd("configure revert now")).contains("Rollback Confirmed Change: rolling to:bootflash:archive-").contains("Rollback Done");
            assertThat(c.cmd("show running-config | section access-list")).contains("KEEP");

            // without an archive path there is nothing to roll back to: no timer starts
            c.cmd("configure terminal");
            c.cmd("no archive");
            c.cmd("end");
            assertThat(c.cmd("configure terminal revert timer 1")).doesNotContain("Rollback Confirmed Change");
            c.cmd("end");
            assertThat(c.cmd("configure terminal revert timer 121")).contains("% Invalid input detected at '^' marker.");
        }
    }
}
