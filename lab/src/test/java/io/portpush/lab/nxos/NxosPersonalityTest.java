package io.portpush.lab.nxos;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabClient;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lab's NX-OS: its layouts after the NX-OS samples, a session that applies only at commit. */
class NxosPersonalityTest {
    private static final Pattern PROMPT = Pattern.compile("nx1(\\([\\w-]+\\))?# ?$");
    LabFleet fleet;
    LabDevice nx;

    @BeforeEach
    void start() {
        fleet = new LabFleet(null);
        nx = fleet.start(DeviceSpec.of("nx1", "cisco_nxos"));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void rulesApplyAsTypedOutsideASessionAndAtCommitInside() throws Exception {
        try (LabClient c = new LabClient(nx, PROMPT)) {
            assertThat(c.login()).endsWith("nx1# ");
            c.cmd("configure terminal");
            assertThat(c.raw("ip access-list NTP-ACL")).endsWith("nx1(config-acl)# ");
            c.cmd("statistics per-entry");
            c.cmd("10 permit ip 10.1.50.64/32 any");
            // outside a session each rule applies as it is typed
            assertThat(c.cmd("show ip access-lists NTP-ACL")).isEqualTo("IP access list NTP-ACL\n        statistics per-entry\n"
                    + "        10 permit ip 10.1.50.64/32 any\n");
            c.cmd("20 permit tcp host 10.4.1.1 any eq 80");
            c.cmd("end");
            assertThat(c.cmd("show ip access-lists NTP-ACL")).contains("        20 permit tcp 10.4.1.1/32 any eq www\n");
            assertThat(c.cmd("ip access-lisst X")).isEqualTo("% Invalid command at '^' marker.\n");

            assertThat(c.raw("configure session portpush")).endsWith("nx1(config-s)# ");
            c.cmd("ip access-list S1");
            c.cmd("10 deny ip any any");
            c.cmd("exit");
            c.cmd("interface ethernet 1/1");
            c.cmd("ip access-group S1 in");
            c.cmd("exit");
            assertThat(nx.personality().savedConfig()).doesNotContain("S1");
            assertThat(c.cmd("verify")).isEqualTo("Verification Successful\n");
            assertThat(c.cmd("commit")).isEqualTo("Commit Successful\n");
            assertThat(c.cmd("show running-config aclmgr")).contains("ip access-list S1\n  10 deny ip any any\n",
                    "interface Ethernet1/1\n  ip access-group S1 in\n");
            c.cmd("configure session portpush");
            c.cmd("no ip access-list S1");
            c.cmd("abort");
            assertThat(nx.personality().savedConfig()).contains("ip access-list S1");
        }
    }
}
