package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meaning of a change, as a change board reads it, on lab devices: read from each device and
 * compared with the intent, it appears on the console with --diff, in the HTML and JSON reports,
 * and beside the ACL in history.
 */
class MeaningEndToEndTest {
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;
    LabDevice fw1;
    LabDevice mx1;

    @BeforeEach
    void lab() {
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
        fw1 = fleet.start(DeviceSpec.of("fw1", "cisco_asa"));
        mx1 = fleet.start(DeviceSpec.of("mx1", "juniper_junos"));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private Path inventory() throws Exception {
        Path inv = dir.resolve("inv.yml");
        Files.writeString(inv, """
                all:
                  vars:
                    ansible_host: 127.0.0.1
                    ansible_user: admin
                    ansible_password: labpw-K7q2Xz9
                    ansible_become_password: labenable-R4t8Wn
                    roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24], sip-gateway: [192.0.2.0/28] }
                  hosts:
                    r1: { ansible_port: %d, ansible_network_os: cisco.ios.ios, edge_if: GigabitEthernet1 }
                    fw1: { ansible_port: %d, ansible_network_os: cisco.asa.asa, edge_if: outside }
                    mx1: { ansible_port: %d, ansible_network_os: junipernetworks.junos.junos, edge_if: ge-0/0/0.0 }
                """.formatted(r1.port(), fw1.port(), mx1.port()));
        return inv;
    }

    private Path playbook(String permit) throws Exception {
        Path p = dir.resolve("acl.yml");
        Files.writeString(p, """
                - hosts: all
                  tasks:
                    - name: edge
                      acl:
                        name: EDGE
                        bind: [{ interface: "{{ edge_if }}", direction: in }]
                        rules:
                          - permit: [%s]
                """.formatted(permit));
        return p;
    }

    private CliRun run(String... args) {
        return CliRun.inState(dir.resolve("state"), args);
    }

    @Test
    void removingAFlowShowsWhatClosesEverywhereTheReviewLooks() throws Exception {
        Path inv = inventory();
        assertThat(run("run", playbook("xcp.client-access, sip-proxy.tls-server-auth").toString(), "-i", inv.toString()).code()).isZero();

        Path html = dir.resolve("review.html");
        Path json = dir.resolve("review.json");
        CliRun check = run("run", playbook("xcp.client-access").toString(), "-i", inv.toString(), "--check", "--diff", "--report",
                html.toString(), "--report", json.toString());
        assertThat(check.code()).as(check.out()).isZero();
        // read from each device: its SIP-TLS entry (5061 from the gateways) closes, nothing opens
        assertThat(check.out()).contains("meaning:").contains("closes permit tcp 192.0.2.0/28 -> 10.10.1.0/24:5061")
                .doesNotContain("    opens ");
        assertThat(check.out().split("closes permit tcp 192.0.2.0/28 -> 10.10.1.0/24:5061", -1)).hasSize(4); // r1, fw1, mx1
        assertThat(Files.readString(html)).contains("<ul class=\"meaning\">").contains("closes permit tcp 192.0.2.0/28 -&gt; 10.10.1.0/24:5061");
        assertThat(Files.readString(json)).contains("\"meaning\"").contains("closes permit tcp 192.0.2.0/28 -> 10.10.1.0/24:5061");

        CliRun apply = run("run", playbook("xcp.client-access").toString(), "-i", inv.toString());
        assertThat(apply.code()).as(apply.out()).isZero();
        for (String host : new String[] {"r1", "fw1", "mx1"}) {
            assertThat(Files.readString(dir.resolve("state/history/devices/" + host + "/acl/EDGE.meaning")))
                    .as(host).contains("closes permit tcp 192.0.2.0/28 -> 10.10.1.0/24:5061");
        }
    }

    @Test
    void reorderingFlowsThatDoNotOverlapChangesTheLinesButNotTheMeaning() throws Exception {
        Path inv = inventory();
        assertThat(run("run", playbook("xcp.client-access, sip-proxy.tls-server-auth").toString(), "-i", inv.toString()).code()).isZero();
        CliRun check = run("run", playbook("sip-proxy.tls-server-auth, xcp.client-access").toString(), "-i", inv.toString(), "--check",
                "--diff");
        assertThat(check.code()).as(check.out()).isZero();
        assertThat(check.out()).contains("changed: [r1]").contains("no change in meaning").doesNotContain("opens").doesNotContain("closes");
    }

    @Test
    void addingAFlowNamesItInCatalogueTerms() throws Exception {
        Path inv = inventory();
        assertThat(run("run", playbook("xcp.client-access").toString(), "-i", inv.toString()).code()).isZero();
        CliRun check = run("run", playbook("xcp.client-access, sip-proxy.tls-server-auth").toString(), "-i", inv.toString(), "--check",
                "--diff", "-l", "r1");
        assertThat(check.out()).contains("opens permit tcp 192.0.2.0/28 -> 10.10.1.0/24:5061")
                .contains("opens sip-proxy.tls-server-auth for sip-gateway -> imp-node (all of it)")
                .doesNotContain("xcp.client-access for xmpp-client -> imp-node (");
    }

    /** Pixels of exactly one colour in a screenshot. */
    private static long pixels(java.awt.image.BufferedImage img, int rgb) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void theMeaningIsOnTheFirstScreenOfTheReportInHeadlessChromium() throws Exception {
        Path inv = inventory();
        assertThat(run("run", playbook("xcp.client-access, sip-proxy.tls-server-auth").toString(), "-i", inv.toString(), "-l", "r1").code())
                .isZero();
        Path html = dir.resolve("review.html");
        // one flow out, another in: the review must show both ways at a glance
        CliRun check = run("run", playbook("xcp.client-access, sip-proxy.default-listener").toString(), "-i", inv.toString(), "-l", "r1",
                "--check", "--report", html.toString());
        assertThat(check.code()).as(check.out()).isZero();
        assertThat(Files.readString(html)).contains("<li class=\"opens\">", "<li class=\"closes\">");
        Path chromium = Path.of("/usr/bin/chromium");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(chromium),
                "screenshot check skipped: /usr/bin/chromium is not installed (.ci/run installs Debian's chromium)");
        Path png = dir.resolve("first-screen.png");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--window-size=1280,900", "--user-data-dir=" + dir.resolve("chrome-profile"),
                "--screenshot=" + png, html.toUri().toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean done = p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("chromium finished within 120 s").isTrue();
        java.awt.image.BufferedImage shot = javax.imageio.ImageIO.read(png.toFile());
        assertThat(shot).as("a screenshot was written").isNotNull();
        assertThat(shot.getWidth()).isEqualTo(1280);
        // the marks beside 'opens' and 'closes' lines (8 px wide, a line high) are painted in the first 900 px
        assertThat(pixels(shot, 0x1f883d)).as("pixels of the 'opens' mark").isGreaterThan(80);
        assertThat(pixels(shot, 0xd1242f)).as("pixels of the 'closes' mark").isGreaterThan(80);
    }
}
