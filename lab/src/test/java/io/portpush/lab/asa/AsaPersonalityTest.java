package io.portpush.lab.asa;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabClient;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AsaPersonalityTest {
    static final Pattern PROMPT = Pattern.compile("fw1(\\([\\w-]+\\))?[>#] $|Password: $|\\]\\? $");
    // a fresh device for every test: no assertion may depend on what another test configured
    LabFleet fleet;
    LabDevice fw;

    @org.junit.jupiter.api.BeforeEach
    void start() {
        fleet = new LabFleet(null);
        fw = fleet.start(DeviceSpec.of("fw1", "cisco_asa"));
    }

    @org.junit.jupiter.api.AfterEach
    void stop() {
        fleet.close();
    }

    private LabClient enabled() throws Exception {
        LabClient c = new LabClient(fw, PROMPT);
        assertThat(c.login()).endsWith("fw1> ");
        assertThat(c.raw("enable")).endsWith("Password: ");
        assertThat(c.raw(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE)).endsWith("fw1# ");
        c.cmd("terminal pager 0");
        return c;
    }

    @Test
    void wrongEnablePasswordAndPrivilege() throws Exception {
        try (LabClient c = new LabClient(fw, PROMPT)) {
            c.login();
            assertThat(c.raw("enable")).isEqualTo("enable\nPassword: ");
            assertThat(c.raw("nope")).isEqualTo("\nInvalid password\nfw1> ");
        }
    }

    @Test
    void accessListsObjectGroupsAndShowFormats() throws Exception {
        try (LabClient c = enabled()) {
            assertThat(c.raw("conf t")).endsWith("fw1(config)# ");
            assertThat(c.raw("object-group service IMP-SIP tcp")).endsWith("fw1(config-service-object-group)# ");
            c.cmd("port-object eq 5060");
            c.cmd("port-object eq 5061");
            c.cmd("exit");
            c.cmd("access-list EDGE remark portpush sip-proxy");
            c.cmd("access-list EDGE extended permit tcp 192.0.2.0 255.255.255.240 host 10.10.1.5 object-group IMP-SIP");
            c.cmd("access-list EDGE extended permit tcp any host 10.10.1.5 eq 5222 log");
            c.cmd("access-list EDGE line 2 extended permit udp any host 10.10.1.5 eq 53");
            assertThat(c.cmd("access-list EDGE extended permt tcp any any"))
                    .isEqualTo("                                       ^\nERROR: % Invalid input detected at '^' marker.\n");
            c.cmd("access-group EDGE in interface outside");
            c.cmd("end");
            String show = c.cmd("show access-list EDGE");
            assertThat(show.lines().toList()).hasSize(7);
            assertThat(show).startsWith("access-list EDGE; 4 elements; name hash: 0x")
                    .contains("access-list EDGE line 1 remark portpush sip-proxy\n")
                    .containsPattern("access-list EDGE line 2 extended permit udp any host 10\\.10\\.1\\.5 eq domain \\(hitcnt=0\\) 0x[0-9a-f]{8}\n")
                    .containsPattern("access-list EDGE line 3 extended permit tcp 192\\.0\\.2\\.0 255\\.255\\.255\\.240 host 10\\.10\\.1\\.5 object-group IMP-SIP 0x[0-9a-f]{8}\n")
                    .contains("  access-list EDGE line 3 extended permit tcp 192.0.2.0 255.255.255.240 host 10.10.1.5 eq sip (hitcnt=0)")
                    .contains("  access-list EDGE line 3 extended permit tcp 192.0.2.0 255.255.255.240 host 10.10.1.5 eq 5061 (hitcnt=0)")
                    .contains("access-list EDGE line 4 extended permit tcp any host 10.10.1.5 eq 5222 log informational interval 300 (hitcnt=0)");
            assertThat(c.cmd("show running-config access-list EDGE")).isEqualTo("""
                    access-list EDGE remark portpush sip-proxy
                    access-list EDGE extended permit udp any host 10.10.1.5 eq domain
                    access-list EDGE extended permit tcp 192.0.2.0 255.255.255.240 host 10.10.1.5 object-group IMP-SIP
                    access-list EDGE extended permit tcp any host 10.10.1.5 eq 5222 log
                    """);
            assertThat(c.cmd("show running-config access-group")).isEqualTo("access-group EDGE in interface outside\n");
            assertThat(c.cmd("show running-config object-group")).isEqualTo("object-group service IMP-SIP tcp\n port-object eq sip\n port-object eq 5061\n");
        }
    }

    @Test
    void cryptochecksumFollowsTheConfiguration() throws Exception {
        try (LabClient c = enabled()) {
            String before = c.cmd("show running-config | include checksum:");
            assertThat(before).matches("Cryptochecksum:[0-9a-f]{32}\n");
            c.cmd("configure terminal");
            c.cmd("access-list CK extended deny ip any any");
            c.cmd("end");
            String after = c.cmd("show running-config | include checksum:");
            assertThat(after).matches("Cryptochecksum:[0-9a-f]{32}\n").isNotEqualTo(before);
            assertThat(c.raw("copy running-config startup-config")).endsWith("Source filename [running-config]? ");
            assertThat(c.raw("")).contains("Cryptochecksum: ").endsWith("fw1# ");
            assertThat(c.cmd("show startup-config | include checksum:")).isEqualTo(after);
        }
    }

    @Test
    void icmpTypesLogDisableAndTimeRangesAreAcceptedAndKept() throws Exception {
        // forms of real show access-list output (ntc-templates field samples): "... echo-reply 4 log ...", "log disable", "time-range"
        try (LabClient c = enabled()) {
            c.cmd("configure terminal");
            assertThat(c.cmd("access-list T extended permit icmp any any echo")).doesNotContain("ERROR");
            assertThat(c.cmd("access-list T extended permit icmp any host 10.1.1.2 echo-reply 4")).doesNotContain("ERROR");
            assertThat(c.cmd("access-list T extended deny ip any any log disable")).doesNotContain("ERROR");
            assertThat(c.cmd("access-list T extended permit tcp any any eq 80 time-range WORK")).doesNotContain("ERROR");
            assertThat(c.cmd("access-list T extended permit icmp any any bogus-type")).contains("ERROR");
            c.cmd("end");
            String show = c.cmd("show access-list T");
            assertThat(show).contains("extended permit icmp any any echo (hitcnt=0)").contains("echo-reply 4")
                    .contains("extended deny ip any any log disable (hitcnt=0)").contains("eq www time-range WORK");
        }
    }
}
