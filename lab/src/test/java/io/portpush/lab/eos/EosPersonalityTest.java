package io.portpush.lab.eos;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.lab.DeviceProfile;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabClient;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.TimeScale;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lab's EOS against the Arista EOS User Manual's own transcripts ("ACLs and Route Maps",
 * "Configure Session", "Session Management Commands").
 */
class EosPersonalityTest {
    private static final Pattern PROMPT = Pattern.compile("switch(\\([\\w.\\-/:]+\\))?[>#] ?$|Password: $");
    LabFleet fleet;
    LabDevice sw;

    @BeforeEach
    void start() {
        fleet = new LabFleet(null);
        DeviceProfile p = new DeviceProfile("switch", "4.29.2F", null, null, List.of(new DeviceProfile.Iface("Ethernet1/1", "10.1.1.1/24", null),
                new DeviceProfile.Iface("Ethernet3", null, null)));
        sw = fleet.start(DeviceSpec.of("switch", "arista_eos").withProfile(p).withMinute(TimeScale.of(Duration.ofMillis(600))));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private LabClient enabled() throws Exception {
        LabClient c = new LabClient(sw, PROMPT);
        assertThat(c.login()).endsWith("switch>");
        assertThat(c.raw("enable")).endsWith("Password: ");
        assertThat(c.raw(DeviceSpec.DEFAULT_ENABLE)).endsWith("switch#");
        return c;
    }

    @Test
    void anAclIsAGroupChangeModeSavedOnExitDroppedOnAbort() throws Exception {
        try (LabClient c = enabled()) {
            assertThat(c.raw("configure")).endsWith("switch(config)#");
            assertThat(c.raw("ip access-list test1")).endsWith("switch(config-acl-test1)#");
            c.cmd("permit ip 10.10.10.0/24 any");
            c.cmd("permit ip 10.30.10.0/24 host 10.20.10.1");
            c.cmd("deny ip host 10.10.10.1 host 10.20.10.1");
            c.cmd("permit ip any any");
            // "Because EOS has not saved the changes, the ACL remains empty" until the mode is left
            assertThat(c.cmd("show ip access-lists test1")).isEmpty();
            assertThat(c.cmd("show")).isEqualTo("""
                    IP Access List test1
                            10 permit ip 10.10.10.0/24 any
                            20 permit ip 10.30.10.0/24 host 10.20.10.1
                            30 deny ip host 10.10.10.1 host 10.20.10.1
                            40 permit ip any any
                    """);
            c.cmd("exit");
            assertThat(c.raw("int et1/1")).endsWith("switch(config-if-Et1/1)#");
            c.cmd("ip access-group test1 in");
            c.cmd("exit");
            assertThat(c.cmd("show ip access-lists test1")).isEqualTo("""
                    IP Access List test1
                            10 permit ip 10.10.10.0/24 any
                            20 permit ip 10.30.10.0/24 host 10.20.10.1
                            30 deny ip host 10.10.10.1 host 10.20.10.1
                            40 permit ip any any

                            Total rules configured: 4
                            Configured on Ingress: Et1/1
                            Active on     Ingress: Et1/1
                    """);
            // abort leaves the list as it was before the mode was entered
            c.cmd("ip access-list test1");
            c.cmd("no 20");
            c.cmd("15 permit tcp any any eq 22 443");
            c.cmd("abort");
            assertThat(c.cmd("show ip access-lists test1")).contains("20 permit ip 10.30.10.0/24 host 10.20.10.1").doesNotContain("15 permit");
            // ports by the names EOS prints, several after one eq; a host route as host
            c.cmd("ip access-list test2");
            c.cmd("permit tcp any 10.0.0.9/32 eq 22 80 443");
            c.cmd("exit");
            assertThat(c.cmd("show ip access-lists test2")).contains("10 permit tcp any host 10.0.0.9 eq ssh www https");
            assertThat(c.cmd("ip access-list bogus list")).isEqualTo("% Invalid input\n");
            assertThat(c.raw("interface ethernet 3")).endsWith("switch(config-if-Et3)#");
            c.cmd("ip access-group test1 in");
            c.cmd("end");
            assertThat(c.cmd("show running-config interfaces ethernet 3")).isEqualTo("interface Ethernet3\n   no switchport\n"
                    + "   ip access-group test1 in\n!\n");
        }
    }

    @Test
    void aSessionAppliesAtCommitAndACommitTimerTakesTheChangeBackUnlessConfirmed() throws Exception {
        try (LabClient c = enabled()) {
            assertThat(c.raw("configure session portpush")).endsWith("switch(config-s-portpu)#");
            assertThat(c.raw("ip access-list S1")).endsWith("switch(config-s-portpu-acl-S1)#");
            c.cmd("permit tcp any any eq 5222");
            c.cmd("exit");
            assertThat(sw.personality().savedConfig()).doesNotContain("ip access-list S1");
            assertThat(c.raw("commit")).endsWith("switch#");
            assertThat(sw.personality().savedConfig()).contains("ip access-list S1\n   10 permit tcp any any eq 5222\n");

            // commit timer: applied now, gone again when nobody confirms
            c.cmd("configure session portpush");
            c.cmd("ip access-list S2");
            c.cmd("permit udp any any eq 5060");
            c.cmd("exit");
            assertThat(c.raw("commit timer 00:01:00")).endsWith("switch#");
            assertThat(sw.personality().savedConfig()).contains("ip access-list S2");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sw.personality().savedConfig().contains("ip access-list S2") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(sw.personality().savedConfig()).doesNotContain("ip access-list S2").contains("ip access-list S1");

            // confirmed in time: it stays
            c.cmd("configure session portpush");
            c.cmd("ip access-list S3");
            c.cmd("permit udp any any eq 5061");
            c.cmd("exit");
            c.cmd("commit timer 00:01:00");
            assertThat(c.cmd("configure session portpush commit")).isEmpty();
            Thread.sleep(1200);
            assertThat(sw.personality().savedConfig()).contains("ip access-list S3");
            assertThat(c.cmd("configure session nosuch commit")).startsWith("% Error");

            // abort drops a session's changes
            c.cmd("configure session portpush");
            c.cmd("no ip access-list S1");
            assertThat(c.raw("abort")).endsWith("switch#");
            assertThat(sw.personality().savedConfig()).contains("ip access-list S1");
        }
    }

    @Test
    void theRunningConfigurationSurvivesARestart() {
        String before = sw.personality().savedConfig();
        assertThat(new EosPersonality(new io.portpush.lab.shell.DeviceContext("switch", "x", () -> io.portpush.lab.Faults.NONE,
                new io.portpush.lab.CommandLog(), null, Duration.ofMinutes(1), sw.spec().profile())).restore(before)).isEmpty();
        assertThat(before).contains("! device: switch (vEOS-lab, EOS-4.29.2F)", "interface Ethernet1/1", "   ip address 10.1.1.1/24");
    }
}
